using System.Net.WebSockets;
using System.Text.Json;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Gateway;

/// <summary>One connection: HELLO, IDENTIFY or RESUME, then events until it ends.</summary>
public sealed partial class GatewayClient
{
    private async Task<GatewayConnectionEnd> RunConnectionAsync(CancellationToken cancellationToken)
    {
        var resuming = SessionId is not null && ResumeGatewayUrl is not null;
        var url = resuming ? ResumeGatewayUrl! : await GatewayUrlAsync(cancellationToken).ConfigureAwait(false);
        var uri = new Uri(url.TrimEnd('/') + "/?v=10&encoding=json");
        if (!resuming)
        {
            await WaitForIdentifySlotAsync(cancellationToken).ConfigureAwait(false);
        }

        logger.GatewayConnecting(uri.ToString(), resuming ? "resume" : "identify");

        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", options.UserAgent);
        using var connection = new GatewayConnection(socket);
        await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);

        // Cancelling a pending receive aborts the socket, so shutdown closes politely instead and lets the receive see
        // the close; only a dead connection (zombie) cancels the receive itself.
        using var zombie = new CancellationTokenSource();
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var shutdown = cancellationToken.Register(() => _ = connection.CloseNormallyAsync());
        var heartbeat = new HeartbeatState();
        Task? heartbeats = null;
        try
        {
            var hello = await ReceiveHelloAsync(connection, cancellationToken).ConfigureAwait(false);
            heartbeats = HeartbeatLoopAsync(connection, heartbeat, TimeSpan.FromMilliseconds(hello.HeartbeatInterval), zombie, heartbeatStop.Token);
            if (resuming)
            {
                await SendResumeAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await IdentifyAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return await ReceiveLoopAsync(connection, heartbeat, zombie.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (zombie.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await connection.CloseForResumeAsync().ConfigureAwait(false);
            return new GatewayConnectionEnd("heartbeat not acknowledged", Reidentify: false, Delay: null, heartbeat.Established);
        }
        catch (WebSocketException e)
        {
            // A dropped connection without a close frame: the session survives it.
            return new GatewayConnectionEnd("connection lost: " + e.Message, Reidentify: false, Delay: null, heartbeat.Established);
        }
        finally
        {
            await heartbeatStop.CancelAsync().ConfigureAwait(false);
            if (heartbeats is not null)
            {
                await heartbeats.ConfigureAwait(false);
            }
        }
    }

    private async Task<string> GatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.GatewayUrl))
        {
            return options.GatewayUrl;
        }

        var info = await rest().GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        gatewayInfo = info;
        return info.Url;
    }

    private async Task<GatewayHello> ReceiveHelloAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timings.HelloTimeout);
        var (payload, closeCode, closeReason) = await connection.ReceiveAsync(timeout.Token).ConfigureAwait(false);
        if (payload is null)
        {
            ThrowIfFatal(closeCode, closeReason);
            throw new GatewayProtocolException($"The gateway closed ({closeCode} {closeReason}) before HELLO.");
        }

        if (payload.Op != (int)GatewayOpCode.Hello || payload.D is not { } d)
        {
            throw new GatewayProtocolException($"The gateway's first payload was op {payload.Op}, not HELLO.");
        }

        var hello = d.Deserialize(DiscordJsonContext.Default.GatewayHello);
        return hello is { HeartbeatInterval: > 0 } ? hello : throw new GatewayProtocolException("HELLO carried no heartbeat_interval.");
    }

    private async Task<GatewayConnectionEnd> ReceiveLoopAsync(GatewayConnection connection, HeartbeatState heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (payload, closeCode, closeReason) = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (payload is null)
            {
                ThrowIfFatal(closeCode, closeReason);
                var reidentify = closeCode is { } code && NeedsNewSession(code);
                return new GatewayConnectionEnd($"closed by the gateway with {closeCode} {closeReason}", reidentify, Delay: null, heartbeat.Established);
            }

            logger.GatewayReceived(payload.Op, payload.T, payload.S);
            switch ((GatewayOpCode)payload.Op)
            {
                case GatewayOpCode.Dispatch:
                    if (payload.S is { } s)
                    {
                        Interlocked.Exchange(ref sequence, s);
                    }

                    OnDispatch(payload, heartbeat);
                    break;
                case GatewayOpCode.Heartbeat:
                    await SendHeartbeatAsync(connection, heartbeat, cancellationToken).ConfigureAwait(false);
                    break;
                case GatewayOpCode.HeartbeatAck:
                    heartbeat.Acknowledged();
                    break;
                case GatewayOpCode.Reconnect:
                    logger.GatewayReconnectRequested();
                    await connection.CloseForResumeAsync().ConfigureAwait(false);
                    return new GatewayConnectionEnd("the gateway asked to reconnect", Reidentify: false, Delay: TimeSpan.Zero, heartbeat.Established);
                case GatewayOpCode.InvalidSession:
                    var resumable = payload.D is { ValueKind: JsonValueKind.True };
                    logger.GatewayInvalidSession(resumable);
                    await connection.CloseForResumeAsync().ConfigureAwait(false);
                    return resumable
                        ? new GatewayConnectionEnd("session invalidated (resumable)", Reidentify: false, Delay: TimeSpan.Zero, heartbeat.Established)
                        : new GatewayConnectionEnd("session invalidated", Reidentify: true, InvalidSessionDelay(), heartbeat.Established);
                default:
                    // A repeated HELLO, or opcodes added after v10: not ours to act on.
                    break;
            }
        }
    }

    private void OnDispatch(GatewayPayload payload, HeartbeatState heartbeat)
    {
        switch (payload.T)
        {
            case "READY" when payload.D is { } d:
                var ready = d.Deserialize(DiscordJsonContext.Default.GatewayReady) ?? throw new GatewayProtocolException("READY carried no data.");
                SessionId = ready.SessionId;
                ResumeGatewayUrl = ready.ResumeGatewayUrl;
                BotUser = ready.User;
                heartbeat.Established = true;
                logger.GatewayReady(ready.User.Username, ready.User.Id, ready.SessionId);
                Enqueue("READY", ct => handler.OnReadyAsync(ready.User, ct));
                break;
            case "RESUMED":
                heartbeat.Established = true;
                logger.GatewayResumed(SessionId ?? "", Sequence);
                break;
            case "MESSAGE_CREATE" when payload.D is { } d:
                // Any message in any channel the bot sees arrives here: one that does not read is skipped, never a reason
                // for the worker to stop.
                DiscordMessage? message;
                try
                {
                    message = d.Deserialize(DiscordJsonContext.Default.DiscordMessage);
                }
                catch (JsonException unreadable)
                {
                    logger.GatewayDispatchSkipped("MESSAGE_CREATE", unreadable.Message);
                    break;
                }

                if (message is null) break;
                Enqueue("MESSAGE_CREATE", ct => handler.OnMessageCreateAsync(message, ct));
                break;
            default:
                break;
        }
    }

    private TimeSpan InvalidSessionDelay()
    {
        var range = timings.InvalidSessionMaxDelay - timings.InvalidSessionMinDelay;
        return timings.InvalidSessionMinDelay + (range * Random.Shared.NextDouble());
    }

    private void ThrowIfFatal(int? closeCode, string? closeReason)
    {
        if (closeCode is { } code && IsFatal(code))
        {
            logger.GatewayFatal(code, closeReason ?? "");
            throw new GatewayFatalException(code, $"The gateway closed with {code} ({closeReason}): {FatalHint(code)} Not reconnecting.");
        }
    }

    private static string FatalHint(int code) => code switch
    {
        4004 => "the bot token is wrong (check Discord__BotToken).",
        4010 => "invalid shard.",
        4011 => "the bot is in too many guilds for one shard.",
        4012 => "invalid API version.",
        4013 => "invalid intents.",
        4014 => "a privileged intent is not enabled for this bot (Developer Portal, Bot, Message Content Intent; or set Discord__MessageContent=false).",
        _ => "a fatal close code.",
    };
}

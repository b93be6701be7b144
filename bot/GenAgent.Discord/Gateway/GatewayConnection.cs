using System.Net.WebSockets;
using System.Text.Json;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Gateway;

/// <summary>One WebSocket to the gateway: serialized sends with the size limit, and whole-message receives.</summary>
internal sealed class GatewayConnection(ClientWebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly byte[] buffer = new byte[16 * 1024];
    private readonly MemoryStream message = new();

    public WebSocketState State => socket.State;

    public async Task SendAsync(GatewayOpCode op, JsonElement? data, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new GatewayPayload { Op = (int)op, D = data }, DiscordJsonContext.Default.GatewayPayload);
        if (bytes.Length > DiscordLimits.GatewaySendBytes)
        {
            throw new GatewayProtocolException($"A gateway payload has at most {DiscordLimits.GatewaySendBytes} bytes; op {op} has {bytes.Length}.");
        }

        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>The next whole payload (large dispatches span many frames), or null with the close status when the server closed.</summary>
    public async Task<(GatewayPayload? Payload, int? CloseCode, string? CloseReason)> ReceiveAsync(CancellationToken cancellationToken)
    {
        message.SetLength(0);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, (int?)result.CloseStatus, result.CloseStatusDescription);
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            try
            {
                var payload = JsonSerializer.Deserialize(message.GetBuffer().AsSpan(0, (int)message.Length), DiscordJsonContext.Default.GatewayPayload);
                return (payload ?? throw new GatewayProtocolException("The gateway sent an empty payload."), null, null);
            }
            catch (JsonException e)
            {
                throw new GatewayProtocolException("The gateway sent a payload that is not JSON: " + e.Message, e);
            }
        }
    }

    /// <summary>
    /// Closes with a code other than 1000/1001 (those end the session), so the next connection can RESUME; a dead
    /// connection that does not answer the close is aborted.
    /// </summary>
    /// <remarks>Call it only when no receive is pending: it reads until the server's close answers, so the socket is not
    /// torn down with unread data (which resets the TCP connection and loses the close frame).</remarks>
    public Task CloseForResumeAsync() => CloseAsync((WebSocketCloseStatus)4000, "resuming", drain: true);

    /// <summary>A normal close on shutdown: it ends the session, so the bot shows offline at once.</summary>
    /// <remarks>Safe while a receive is pending: that receive sees the server's close.</remarks>
    public Task CloseNormallyAsync() => CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down", drain: false);

    private async Task CloseAsync(WebSocketCloseStatus status, string reason, bool drain)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            // A close frame is a send: it must not interleave with a heartbeat.
            await sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                sendLock.Release();
            }

            while (drain && socket.State == WebSocketState.CloseSent)
            {
                // Events after our close are not processed: a resume replays them.
                var result = await socket.ReceiveAsync(buffer, timeout.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A connection that cannot take a close frame is dropped instead; the server handles both the same way.
            socket.Abort();
        }
    }

    public void Dispose()
    {
        sendLock.Dispose();
        message.Dispose();
        socket.Dispose();
    }
}

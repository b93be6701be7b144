using System.Net.WebSockets;
using System.Threading.Channels;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord.Gateway;

/// <summary>
/// One gateway shard over ClientWebSocket: HELLO, heartbeats with jitter and an ACK check, IDENTIFY (rate limited) or
/// RESUME, and Discord's reconnect rules. Events go to the <see cref="IGatewayDispatchHandler"/> in order, off the
/// receive loop. <see cref="RunAsync"/> reconnects until cancelled or until a close code that reconnecting cannot fix.
/// </summary>
public sealed partial class GatewayClient
{
    private readonly Func<DiscordRestClient> rest;
    private readonly DiscordOptions options;
    private readonly IGatewayDispatchHandler handler;
    private readonly ILogger<GatewayClient> logger;
    private readonly TimeProvider time;
    private readonly GatewayTimings timings;
    private readonly Channel<Func<CancellationToken, Task>> events = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new() { SingleReader = true });
    private long sequence = -1;
    private DateTimeOffset lastIdentify = DateTimeOffset.MinValue;

    internal GatewayClient(
        Func<DiscordRestClient> rest, IOptions<DiscordOptions> options, IGatewayDispatchHandler handler, ILogger<GatewayClient> logger, TimeProvider time, GatewayTimings timings)
    {
        this.rest = rest;
        this.options = options.Value;
        this.handler = handler;
        this.logger = logger;
        this.time = time;
        this.timings = timings;
    }

    /// <summary>The session to RESUME; null until READY and after the session is invalidated.</summary>
    public string? SessionId { get; private set; }

    public string? ResumeGatewayUrl { get; private set; }

    /// <summary>The last dispatch sequence number, or null before the first.</summary>
    public long? Sequence => Interlocked.Read(ref sequence) is var s and >= 0 ? s : null;

    /// <summary>The bot's own user, from READY.</summary>
    public DiscordUser? BotUser { get; private set; }

    public GatewayIntents Intents =>
        GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages | (options.MessageContent ? GatewayIntents.MessageContent : GatewayIntents.None);

    /// <summary>Connects and stays connected until <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="GatewayFatalException">Discord closed with 4004 or 4010-4014.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpEventsAsync(stop.Token);
        try
        {
            var failures = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                GatewayConnectionEnd end;
                try
                {
                    end = await RunConnectionAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested
                    && e is WebSocketException or IOException or HttpRequestException or DiscordApiException or GatewayProtocolException or OperationCanceledException)
                {
                    end = new GatewayConnectionEnd(e.Message, Reidentify: false, Delay: null, Established: false);
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (end.Reidentify)
                {
                    SessionId = null;
                    ResumeGatewayUrl = null;
                    Interlocked.Exchange(ref sequence, -1);
                }

                failures = end.Established ? 0 : failures + 1;
                var delay = end.Delay ?? Backoff(failures);
                logger.GatewayReconnecting(end.Reason, SessionId is null ? "identify" : "resume", delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down is the normal way out.
        }
        finally
        {
            events.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Exponential from <see cref="GatewayTimings.ReconnectBaseDelay"/>, capped, with jitter so a fleet that lost the
    /// gateway together does not come back in one wave. The first retry after a working connection is quick.
    /// </summary>
    private TimeSpan Backoff(int failures)
    {
        var exponential = timings.ReconnectBaseDelay * Math.Pow(2, Math.Min(failures, 16));
        var capped = exponential < timings.ReconnectMaxDelay ? exponential : timings.ReconnectMaxDelay;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    private async Task PumpEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var work in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await work(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Events still queued at shutdown are dropped; the gateway does not redeliver them either way.
        }
    }

    private void Enqueue(string name, Func<CancellationToken, Task> work) =>
        events.Writer.TryWrite(async cancellationToken =>
        {
            try
            {
                await work(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.GatewayHandlerFailed(e, name);
            }
        });

    /// <summary>4004 bad token, 4010 invalid shard, 4011 sharding required, 4012 invalid API version, 4013/4014 intents.</summary>
    internal static bool IsFatal(int closeCode) => closeCode is 4004 or (>= 4010 and <= 4014);

    /// <summary>4007 invalid seq and 4009 session timed out need a new session.</summary>
    internal static bool NeedsNewSession(int closeCode) => closeCode is 4007 or 4009;
}

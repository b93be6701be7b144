using Microsoft.Extensions.Logging;

namespace GenAgent.Discord;

internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Warning, "Discord {Route} rate limited for {Seconds:F2} s (global {Global}, scope {Scope})")]
    public static partial void RateLimited(this ILogger logger, string route, double seconds, bool global, string? scope);

    [LoggerMessage(2, LogLevel.Debug, "Discord {Route} bucket exhausted; waiting {Milliseconds:F0} ms for its reset")]
    public static partial void BucketWait(this ILogger logger, string route, double milliseconds);

    [LoggerMessage(3, LogLevel.Warning, "Discord {Route} answered {Status}; retry {Attempt} in {Milliseconds:F0} ms")]
    public static partial void ServerErrorRetry(this ILogger logger, string route, int status, int attempt, double milliseconds);

    [LoggerMessage(4, LogLevel.Warning, "Discord {Route} transport error; retry {Attempt} in {Milliseconds:F0} ms: {Error}")]
    public static partial void TransportRetry(this ILogger logger, string route, int attempt, double milliseconds, string error);

    [LoggerMessage(10, LogLevel.Information, "Gateway connecting to {Url} ({Mode})")]
    public static partial void GatewayConnecting(this ILogger logger, string url, string mode);

    [LoggerMessage(11, LogLevel.Information, "Gateway ready as {User} ({UserId}), session {SessionId}")]
    public static partial void GatewayReady(this ILogger logger, string user, string userId, string sessionId);

    [LoggerMessage(12, LogLevel.Information, "Gateway resumed session {SessionId} at seq {Seq}")]
    public static partial void GatewayResumed(this ILogger logger, string sessionId, long? seq);

    [LoggerMessage(13, LogLevel.Warning, "Gateway connection ended ({Reason}); {Next} in {Milliseconds:F0} ms")]
    public static partial void GatewayReconnecting(this ILogger logger, string reason, string next, double milliseconds);

    [LoggerMessage(14, LogLevel.Warning, "Gateway heartbeat not acknowledged; treating the connection as dead")]
    public static partial void GatewayZombie(this ILogger logger);

    [LoggerMessage(15, LogLevel.Critical, "Gateway closed with {Code}: {Reason}; not reconnecting")]
    public static partial void GatewayFatal(this ILogger logger, int code, string reason);

    [LoggerMessage(16, LogLevel.Error, "Gateway handler failed on {Event}")]
    public static partial void GatewayHandlerFailed(this ILogger logger, Exception exception, string @event);

    [LoggerMessage(17, LogLevel.Debug, "Gateway received op {Op} {Event} seq {Seq}")]
    public static partial void GatewayReceived(this ILogger logger, int op, string? @event, long? seq);

    [LoggerMessage(18, LogLevel.Information, "Gateway session invalidated (resumable {Resumable})")]
    public static partial void GatewayInvalidSession(this ILogger logger, bool resumable);

    [LoggerMessage(20, LogLevel.Debug, "Gateway heartbeats stopped: {Reason}")]
    public static partial void GatewayHeartbeatStopped(this ILogger logger, string reason);

    [LoggerMessage(19, LogLevel.Information, "Gateway asked to reconnect")]
    public static partial void GatewayReconnectRequested(this ILogger logger);

    [LoggerMessage(21, LogLevel.Warning, "Gateway {Event} skipped: it does not read as the documented shape ({Reason})")]
    public static partial void GatewayDispatchSkipped(this ILogger logger, string @event, string reason);

    [LoggerMessage(22, LogLevel.Warning, "Discord answered {Count} requests with 401/403/429 in the last 10 minutes (this client stops sending at {Limit}; Discord bans the IP at 10,000)")]
    public static partial void InvalidRequestsHigh(this ILogger logger, int count, int limit);
}

using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow;

internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Information, "Session {SessionId} turn {Turn}: reusing the cached model reply")]
    public static partial void ReusedAgentReply(this ILogger logger, string sessionId, int turn);

    [LoggerMessage(2, LogLevel.Information, "Session {SessionId} turn {Turn}: model replied in {Seconds:F1} s")]
    public static partial void AgentReplied(this ILogger logger, string sessionId, int turn, double seconds);

    [LoggerMessage(3, LogLevel.Trace, "Session {SessionId} turn {Turn}: model text {Text}")]
    public static partial void AgentText(this ILogger logger, string sessionId, int turn, string text);

    [LoggerMessage(4, LogLevel.Information, "Session {SessionId} turn {Turn}: {Tool} result already stored at {Key}; not calling the tool again")]
    public static partial void ReusedImage(this ILogger logger, string sessionId, int turn, string tool, string key);

    [LoggerMessage(5, LogLevel.Information, "Session {SessionId} turn {Turn}: {Tool} produced {Key} in {Seconds:F1} s")]
    public static partial void ImageStored(this ILogger logger, string sessionId, int turn, string tool, string key, double seconds);

    [LoggerMessage(6, LogLevel.Information, "Session {SessionId} started: {MaxImages} images, {MaxTurns} turns, effort {Effort}")]
    public static partial void SessionStarted(this ILogger logger, string sessionId, int maxImages, int maxTurns, GenAgent.Core.Sessions.Effort effort);

    [LoggerMessage(7, LogLevel.Warning, "Session {SessionId} turn {Turn}: protocol violation {Kind}: {Message}")]
    public static partial void ProtocolViolation(this ILogger logger, string sessionId, int turn, GenAgent.Core.Protocol.ProtocolErrorKind kind, string message);

    [LoggerMessage(8, LogLevel.Information, "Session {SessionId} ended: {Outcome} {Reason}")]
    public static partial void SessionEnded(this ILogger logger, string sessionId, GenAgent.Core.Sessions.OutcomeKind outcome, string? reason);

    [LoggerMessage(9, LogLevel.Warning, "Session {SessionId}: a {ErrorType} failure is transient; retry {Attempt} in {Delay}")]
    public static partial void Retrying(this ILogger logger, string sessionId, string errorType, int attempt, TimeSpan delay);

    [LoggerMessage(10, LogLevel.Warning, "Session {SessionId}: observer {Observer} failed")]
    public static partial void ObserverFailed(this ILogger logger, Exception exception, string sessionId, string observer);
}

using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Orchestrations;

internal static partial class ConversationLogs
{
    [LoggerMessage(101, LogLevel.Information, "Session {SessionId}: episode {Episode} starts at turn {Turn}")]
    public static partial void EpisodeStarted(this ILogger logger, string sessionId, int episode, int turn);

    [LoggerMessage(102, LogLevel.Information, "Session {SessionId}: episode {Episode} ended {Outcome}; waiting up to {Seconds} s for a follow-up")]
    public static partial void AwaitingFollowUp(this ILogger logger, string sessionId, int episode, GenAgent.Core.Sessions.OutcomeKind outcome, int seconds);

    [LoggerMessage(103, LogLevel.Information, "Session {SessionId}: follow-up received; episode {Episode} follows")]
    public static partial void FollowUpReceived(this ILogger logger, string sessionId, int episode);

    [LoggerMessage(104, LogLevel.Warning, "Session {SessionId}: an empty follow-up message was ignored")]
    public static partial void EmptyFollowUpIgnored(this ILogger logger, string sessionId);

    [LoggerMessage(105, LogLevel.Information, "Session {SessionId}: no follow-up within the window; the session ends")]
    public static partial void FollowUpWindowClosed(this ILogger logger, string sessionId);

    [LoggerMessage(106, LogLevel.Warning, "Session {SessionId}: attempt {Attempt} ended without an image ({Reason}); the trajectory starts again from the prompt")]
    public static partial void AttemptRetried(this ILogger logger, string sessionId, int attempt, string reason);

    [LoggerMessage(107, LogLevel.Warning, "Session {SessionId}: no attempt produced an image; generating once from the raw prompt")]
    public static partial void FallingBack(this ILogger logger, string sessionId);
}

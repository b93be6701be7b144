using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Starting;
using Microsoft.Extensions.Logging;

namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>Log messages of the commands, interactions and session starts (prompts never above Trace).</summary>
internal static partial class InteractionLogs
{
    [LoggerMessage(100, LogLevel.Information, "Discord session {SessionId} started for user {UserId} from {Source}, effort {Effort}")]
    public static partial void SessionStarted(this ILogger logger, string sessionId, string userId, DiscordStartSource source, Effort effort);

    [LoggerMessage(101, LogLevel.Information, "Discord start for user {UserId} refused: {Reason}")]
    public static partial void StartRefused(this ILogger logger, string userId, string reason);

    [LoggerMessage(102, LogLevel.Warning, "Discord interaction refused: {Reason}")]
    public static partial void SignatureRejected(this ILogger logger, string reason);

    [LoggerMessage(103, LogLevel.Debug, "Discord interaction {InteractionId} type {Type} ({Name}) answered in {Milliseconds:F1} ms")]
    public static partial void Answered(this ILogger logger, string interactionId, int type, string? name, double milliseconds);

    [LoggerMessage(104, LogLevel.Warning, "Discord session start for interaction {InteractionId} failed after the acknowledgement")]
    public static partial void LateStartFailed(this ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(105, LogLevel.Warning, "Discord interaction {InteractionId}: {Action} on session {SessionId} failed")]
    public static partial void ActionFailed(this ILogger logger, Exception exception, string interactionId, string action, string sessionId);

    [LoggerMessage(107, LogLevel.Error, "A queued Discord session launch failed")]
    public static partial void LaunchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(108, LogLevel.Warning, "Stopping with {Count} Discord session launch(es) still queued; they are dropped")]
    public static partial void LaunchesStopped(this ILogger logger, int count);

    [LoggerMessage(109, LogLevel.Error, "A Discord session launch could not be queued")]
    public static partial void LaunchDropped(this ILogger logger);

    [LoggerMessage(110, LogLevel.Warning, "Discord interaction {InteractionId} arrived again; answered as the first time, nothing started")]
    public static partial void Repeated(this ILogger logger, string interactionId);

    [LoggerMessage(111, LogLevel.Warning, "Discord interaction {InteractionId}: the session start outlived the start budget; answered deferred, the start goes on")]
    public static partial void LaunchOutlivedBudget(this ILogger logger, string interactionId);

    [LoggerMessage(106, LogLevel.Information, "Registered {Count} Discord commands ({Scope})")]
    public static partial void CommandsRegistered(this ILogger logger, int count, string scope);
}

using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>Log messages of effort high: the candidate fan-out, the pairwise comparisons and the tournament.</summary>
internal static partial class TournamentLogs
{
    [LoggerMessage(201, LogLevel.Information, "Session {SessionId} match {Match}: reusing the cached verdict")]
    public static partial void ReusedComparison(this ILogger logger, string sessionId, int match);

    [LoggerMessage(202, LogLevel.Warning, "Session {SessionId} match {Match}: the verdict named no winner; correcting the model once")]
    public static partial void ComparisonCorrected(this ILogger logger, string sessionId, int match);

    [LoggerMessage(203, LogLevel.Information, "Session {SessionId}: {Candidates} candidate episodes, then a pairwise tournament")]
    public static partial void TournamentStarted(this ILogger logger, string sessionId, int candidates);

    [LoggerMessage(204, LogLevel.Warning, "Session {SessionId} match {Match}: no usable verdict ({Reason}); candidate {Winner} wins by the fallback rule")]
    public static partial void ComparisonFellBack(this ILogger logger, string sessionId, int match, int winner, string reason);

    [LoggerMessage(205, LogLevel.Trace, "Session {SessionId} match {Match}: model text {Text}")]
    public static partial void ComparisonText(this ILogger logger, string sessionId, int match, string text);

    [LoggerMessage(207, LogLevel.Warning, "Session {SessionId}: the protocol setup failed after the tournament ({Reason}); the session ends without a follow-up window")]
    public static partial void FollowUpsUnavailable(this ILogger logger, string sessionId, string reason);
}

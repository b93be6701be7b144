namespace GenAgent.Workflow;

/// <summary>Where a session's artefacts live in the image store. Deterministic, so a re-run finds what a crashed run wrote.</summary>
public static class SessionKeys
{
    /// <summary>Joins a parent session id and a candidate's name (see <c>TournamentRun.CandidateId</c>).</summary>
    public const char CandidateSeparator = '~';

    /// <summary>A session's folder; an effort-high candidate's lives inside its parent's, under <c>candidates/</c>.</summary>
    public static string Folder(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var separator = sessionId.IndexOf(CandidateSeparator, StringComparison.Ordinal);
        return separator < 0
            ? $"sessions/{sessionId}"
            : $"{Folder(sessionId[..separator])}/candidates/{sessionId[(separator + 1)..]}";
    }

    public static string TurnImage(string sessionId, int turn) => $"{Folder(sessionId)}/turn-{turn:D2}.png";

    public static string AgentReply(string sessionId, int turn) => $"{Folder(sessionId)}/agent/turn-{turn:D2}.json";

    /// <summary>The cached verdict of match <paramref name="match"/> of an effort-high tournament.</summary>
    public static string Comparison(string sessionId, int match) => $"{Folder(sessionId)}/compare/match-{match:D2}.json";

    public static string Trajectory(string sessionId) => $"{Folder(sessionId)}/trajectory.json";

    public static string FinalImage(string sessionId) => $"{Folder(sessionId)}/final.png";
}

namespace GenAgent.Workflow;

/// <summary>Where a session's artefacts live in the image store. Deterministic, so a re-run finds what a crashed run wrote.</summary>
public static class SessionKeys
{
    public static string Folder(string sessionId) => $"sessions/{sessionId}";

    public static string TurnImage(string sessionId, int turn) => $"{Folder(sessionId)}/turn-{turn:D2}.png";

    public static string AgentReply(string sessionId, int turn) => $"{Folder(sessionId)}/agent/turn-{turn:D2}.json";

    /// <summary>The cached verdict of match <paramref name="match"/> of an effort-high tournament.</summary>
    public static string Comparison(string sessionId, int match) => $"{Folder(sessionId)}/compare/match-{match:D2}.json";

    public static string Trajectory(string sessionId) => $"{Folder(sessionId)}/trajectory.json";

    public static string FinalImage(string sessionId) => $"{Folder(sessionId)}/final.png";
}

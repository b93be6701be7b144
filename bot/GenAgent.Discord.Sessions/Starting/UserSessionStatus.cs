using GenAgent.Discord.Sessions.Settings;
using GenAgent.Workflow.Engine;

namespace GenAgent.Discord.Sessions.Starting;

/// <summary>One of a user's sessions with its live state (null when the engine no longer knows it).</summary>
public sealed record UserSessionStatus(UserSessionEntry Entry, SessionSnapshot? Snapshot)
{
    /// <summary>Working or waiting to work; a session that only waits for a follow-up does not count.</summary>
    public bool IsRunning => Snapshot is { IsTerminal: false } snapshot
        && snapshot.Progress?.Phase is not GenAgent.Core.Sessions.SessionPhase.AwaitingFollowUp;

    /// <summary>Still accepts a follow-up (running, or waiting for one).</summary>
    public bool IsOpen => Snapshot is { IsTerminal: false };
}

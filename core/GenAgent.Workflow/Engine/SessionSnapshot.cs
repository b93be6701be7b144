using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Engine;

/// <summary>A session seen from outside: its runtime status, live progress and, once ended, its trajectory.</summary>
public sealed record SessionSnapshot(
    string SessionId,
    SessionRuntimeStatus Status,
    SessionProgress? Progress,
    Trajectory? Trajectory,
    string? FailureMessage = null)
{
    public bool IsTerminal => Status is SessionRuntimeStatus.Completed or SessionRuntimeStatus.Failed or SessionRuntimeStatus.Terminated;
}

public enum SessionRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}

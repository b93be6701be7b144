using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;

namespace GenAgent.Cli.Output;

/// <summary>The <c>--json</c> result of <c>status</c>.</summary>
internal sealed record StatusResult(
    string SessionId,
    SessionRuntimeStatus Status,
    SessionPhase? Phase,
    int? Round,
    int ImagesUsed,
    int Turns,
    OutcomeKind? Outcome,
    string? Reason,
    string? FailureMessage)
{
    public static StatusResult From(SessionSnapshot snapshot) => new(
        snapshot.SessionId,
        snapshot.Status,
        snapshot.Progress?.Phase,
        snapshot.Progress?.Round,
        snapshot.Trajectory?.ImagesUsed ?? snapshot.Progress?.ImagesUsed ?? 0,
        snapshot.Trajectory?.Turns.Count ?? snapshot.Progress?.Turn ?? 0,
        snapshot.Trajectory?.Outcome?.Kind,
        snapshot.Trajectory?.Outcome?.Reason,
        snapshot.FailureMessage);
}

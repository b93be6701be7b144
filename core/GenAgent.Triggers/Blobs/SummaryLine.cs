using GenAgent.Core.Sessions;

namespace GenAgent.Triggers.Blobs;

/// <summary>
/// How one request of a file ended. <see cref="Outcome"/> is null when the orchestration itself failed or was terminated;
/// <see cref="Reason"/> then holds the failure.
/// </summary>
public sealed record SummaryLine(int Line, string SessionId, OutcomeKind? Outcome, string? Reason, int ImagesUsed, string? FinalImage);

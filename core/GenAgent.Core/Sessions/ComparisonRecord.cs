using GenAgent.Core.Images;

namespace GenAgent.Core.Sessions;

/// <summary>
/// One match of the tournament: the agent model saw image A (candidate <see cref="CandidateA"/>) and image B
/// (candidate <see cref="CandidateB"/>) and picked <see cref="Winner"/>.
/// </summary>
public sealed record ComparisonRecord
{
    /// <summary>The tournament round, 1-based; the last round is the final.</summary>
    public required int Round { get; init; }
    public required int CandidateA { get; init; }
    public required int CandidateB { get; init; }
    public required ImageRef ImageA { get; init; }
    public required ImageRef ImageB { get; init; }
    /// <summary>The index of the winning candidate (one of <see cref="CandidateA"/> and <see cref="CandidateB"/>).</summary>
    public required int Winner { get; init; }
    /// <summary>The model's reasoning for its choice, when it gave one.</summary>
    public string? Reasoning { get; init; }
    /// <summary>The model's last reply exactly as received.</summary>
    public string? RawText { get; init; }
    /// <summary>
    /// True when the model gave no usable answer (even after one correction) or the call failed, and the winner was
    /// picked by the fixed rule instead: fewer images used, then the lower index.
    /// </summary>
    public bool Fallback { get; init; }
    public string? Error { get; init; }
    public double ModelSeconds { get; init; }
    public TokenUsage? Usage { get; init; }
}

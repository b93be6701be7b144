using GenAgent.Core.Images;

namespace GenAgent.Core.Sessions;

/// <summary>
/// One candidate episode of an <see cref="Effort.High"/> session: a full medium-effort session of its own, stored
/// under <see cref="SessionId"/> (its trajectory lives there too).
/// </summary>
public sealed record CandidateRecord
{
    public required int Index { get; init; }
    public required string SessionId { get; init; }
    /// <summary>The seed base the candidate's tool calls derive from.</summary>
    public long SeedBase { get; init; }
    /// <summary>The sampling temperature the candidate's agent turns used; null for the configured one.</summary>
    public float? Temperature { get; init; }
    public required Outcome Outcome { get; init; }
    public ImageRef? FinalImage { get; init; }
    public int ImagesUsed { get; init; }
    public int Turns { get; init; }
    public TokenUsage? Usage { get; init; }
    public decimal ToolCost { get; init; }
}

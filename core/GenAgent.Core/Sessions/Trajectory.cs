using GenAgent.Core.Images;

namespace GenAgent.Core.Sessions;

/// <summary>
/// The full record of a session: what the product shows, stores and exports. Serialized with
/// <see cref="SessionJson"/>.
/// </summary>
public sealed record Trajectory
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public required string SessionId { get; init; }
    public required string Prompt { get; init; }
    public required SessionOptions Options { get; init; }
    public ImageRef? InputImage { get; init; }
    public IReadOnlyList<TurnRecord> Turns { get; init; } = [];
    public Outcome? Outcome { get; init; }
    /// <summary>The image the session settled on: the last good image, also when a budget ran out.</summary>
    public ImageRef? FinalImage { get; init; }
    public int ImagesUsed => Turns.Count(t => t.Image is not null);
    public TokenUsage Usage => Turns.Aggregate(TokenUsage.Zero, (sum, t) => sum.Add(t.Usage));
    public decimal ToolCost => Turns.Sum(t => t.ToolCost ?? 0m);
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
}

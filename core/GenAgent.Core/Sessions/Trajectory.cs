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
    /// <summary>The agent protocol profile the session ran under (<c>general</c>, <c>genagent-v2</c>, <c>genagent-v1</c>).</summary>
    public string? Protocol { get; init; }
    /// <summary>Where the system prompt came from: <c>built-in</c> (our wording) or the imported or configured file.</summary>
    public string? SystemPromptSource { get; init; }
    public ImageRef? InputImage { get; init; }
    public IReadOnlyList<TurnRecord> Turns { get; init; } = [];
    /// <summary>The user's follow-up messages, in order; each started an episode.</summary>
    public IReadOnlyList<FollowUpRecord> FollowUps { get; init; } = [];
    public Outcome? Outcome { get; init; }
    /// <summary>The image the session settled on: the last good image, also when a budget ran out.</summary>
    public ImageRef? FinalImage { get; init; }
    // With effort high, Turns are only the winner's; what the session spent is every candidate's and every comparison's.
    public int ImagesUsed => Candidates is { } all ? all.Sum(c => c.ImagesUsed) : Turns.Count(t => t.Image is not null);
    public TokenUsage Usage => Candidates is { } all
        ? (Comparisons ?? []).Aggregate(all.Aggregate(TokenUsage.Zero, (sum, c) => sum.Add(c.Usage)), (sum, c) => sum.Add(c.Usage))
        : Turns.Aggregate(TokenUsage.Zero, (sum, t) => sum.Add(t.Usage));
    public decimal ToolCost => Candidates is { } all ? all.Sum(c => c.ToolCost) : Turns.Sum(t => t.ToolCost ?? 0m);
    /// <summary>With <see cref="Effort.High"/>: every candidate episode, in index order. Null for the other efforts.</summary>
    public IReadOnlyList<CandidateRecord>? Candidates { get; init; }
    /// <summary>With <see cref="Effort.High"/>: every pairwise comparison of the tournament, in the order they were decided.</summary>
    public IReadOnlyList<ComparisonRecord>? Comparisons { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
}

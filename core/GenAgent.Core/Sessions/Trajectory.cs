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
    // With effort high, the first episode's turns are only the winner's: what it spent is every candidate's and every
    // comparison's, and the turns count only from the follow-ups on.
    public int ImagesUsed => (Candidates?.Sum(c => c.ImagesUsed) ?? 0) + OwnTurns.Count(t => t.Image is not null);
    public TokenUsage Usage => OwnTurns.Aggregate(
        (Comparisons ?? []).Aggregate((Candidates ?? []).Aggregate(TokenUsage.Zero, (sum, c) => sum.Add(c.Usage)), (sum, c) => sum.Add(c.Usage)),
        (sum, t) => sum.Add(t.Usage));
    public decimal ToolCost => (Candidates?.Sum(c => c.ToolCost) ?? 0m) + OwnTurns.Sum(t => t.ToolCost ?? 0m);
    private IEnumerable<TurnRecord> OwnTurns => Candidates is null ? Turns : Turns.Where(t => t.Episode > 1);
    /// <summary>With <see cref="Effort.High"/>: every candidate episode, in index order. Null for the other efforts.</summary>
    public IReadOnlyList<CandidateRecord>? Candidates { get; init; }
    /// <summary>With <see cref="Effort.High"/>: every pairwise comparison of the tournament, in the order they were decided.</summary>
    public IReadOnlyList<ComparisonRecord>? Comparisons { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
}

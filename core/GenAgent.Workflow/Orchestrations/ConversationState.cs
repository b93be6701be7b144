using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>
/// What a session carries from one episode into the next through ContinueAsNew: the compacted conversation ending
/// with the follow-up message, the turns so far, and the latest image (the one the editing tool works on).
/// Turn numbers continue across episodes because stored images and cached replies are keyed by turn.
/// </summary>
public sealed record ConversationState
{
    /// <summary>The episode this execution runs: 2 after the first follow-up.</summary>
    public required int Episode { get; init; }

    /// <summary>The index of the episode's first turn, one past the last turn of the earlier episodes.</summary>
    public required int NextTurn { get; init; }

    public required IReadOnlyList<ConversationMessage> Messages { get; init; }

    public IReadOnlyList<TurnRecord> Turns { get; init; } = [];

    public IReadOnlyList<FollowUpRecord> FollowUps { get; init; } = [];

    public ImageRef? LastImage { get; init; }

    /// <summary>The protocol profile and offered tools fixed when the session started; null in states written before profiles existed.</summary>
    public string? Protocol { get; init; }

    public IReadOnlyList<string>? Tools { get; init; }

    public string? SystemPromptSource { get; init; }

    /// <summary>
    /// Set when the episode already ended in the previous execution (an effort-high tournament): this execution only waits
    /// for a follow-up, with the tournament's outcome, candidates and comparisons kept in the trajectory.
    /// </summary>
    public Outcome? EndedWith { get; init; }

    public IReadOnlyList<CandidateRecord>? Candidates { get; init; }

    public IReadOnlyList<ComparisonRecord>? Comparisons { get; init; }

    /// <summary>When the session's first episode started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
}

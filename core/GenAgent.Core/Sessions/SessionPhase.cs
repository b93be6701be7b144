using GenAgent.Core.Images;

namespace GenAgent.Core.Sessions;

public enum SessionPhase
{
    Starting,
    Thinking,
    Generating,
    Editing,
    Finalizing,
    Completed,
    /// <summary>An episode ended and the session waits for a follow-up message, a cancel, or its window to close.</summary>
    AwaitingFollowUp,
}

/// <summary>Live progress, published as the orchestration's custom status.</summary>
public sealed record SessionProgress
{
    public int Round { get; init; }
    public int Turn { get; init; }
    public SessionPhase Phase { get; init; }
    public string? LastCaption { get; init; }
    public string? LastJudgment { get; init; }
    public string? LastThink { get; init; }
    public ImageRef? LastImage { get; init; }
    public int ImagesUsed { get; init; }
    /// <summary>1 for the first prompt; each follow-up message starts the next episode.</summary>
    public int Episode { get; init; } = 1;
}

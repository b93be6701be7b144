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
}

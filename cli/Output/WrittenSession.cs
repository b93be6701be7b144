namespace GenAgent.Cli.Output;

/// <summary>What <see cref="SessionWriter"/> put on disk.</summary>
internal sealed record WrittenSession(
    string Folder,
    IReadOnlyList<string> RoundImages,
    string? FinalImage,
    string Trajectory,
    string Report);

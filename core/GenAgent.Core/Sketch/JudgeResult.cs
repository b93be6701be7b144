namespace GenAgent.Core.Sketch;

/// <summary>The verdict on one image: passed or not, why, and what the vision pass saw.</summary>
public sealed record JudgeResult
{
    public JudgeResult(IReadOnlyList<JudgeFailure> issues, IReadOnlyList<DetectedObject> detected)
    {
        Issues = issues;
        Detected = detected;
    }

    public bool Passed => Issues.Count == 0;

    /// <summary>Human-readable failures, e.g. "expected 3 blue clocks, found 2".</summary>
    public IReadOnlyList<string> Failures => [.. Issues.Select(i => i.Message)];

    public IReadOnlyList<JudgeFailure> Issues { get; }

    public IReadOnlyList<DetectedObject> Detected { get; }
}

using GenAgent.Core.Judging;

namespace GenAgent.Sketch;

/// <summary>The verdict on one image: passed or not, every check made, the failed ones, and what was seen.</summary>
public sealed record JudgeResult
{
    public JudgeResult(IReadOnlyList<JudgeFailure> issues, IReadOnlyList<DetectedObject> detected, IReadOnlyList<CheckOutcome> checks)
    {
        Issues = issues;
        Detected = detected;
        Checks = checks;
    }

    public bool Passed => Issues.Count == 0;

    /// <summary>Human-readable failures, e.g. "expected 3 blue clocks, found 2".</summary>
    public IReadOnlyList<string> Failures => [.. Issues.Select(i => i.Message)];

    public IReadOnlyList<JudgeFailure> Issues { get; }

    public IReadOnlyList<DetectedObject> Detected { get; }

    /// <summary>Every check, passed or failed, with what was expected and what was found.</summary>
    public IReadOnlyList<CheckOutcome> Checks { get; }
}

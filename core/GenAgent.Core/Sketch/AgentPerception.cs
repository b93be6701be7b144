using System.Security.Cryptography;

namespace GenAgent.Core.Sketch;

/// <summary>
/// The sketch agent's eye. It sees what <see cref="SketchJudge"/> sees, but like a real VLM judge it sometimes
/// overlooks a flaw: each failed check is missed with a seeded probability that depends on how hard the check is
/// (an off-by-one count among many objects is easy to miss, a missing object is not). Without this the agent would
/// judge with the benchmark's own checker and never stop on a wrong image, which no real agent does.
/// </summary>
internal sealed class AgentPerception(double oversight)
{
    /// <summary>The default scale of the miss rates: realistic for a 7B VLM judge on GenEval-style checklists.</summary>
    public const double DefaultOversight = 1.0;

    public double Oversight { get; } = oversight is >= 0 and <= 1
        ? oversight
        : throw new ArgumentOutOfRangeException(nameof(oversight), oversight, "Oversight must be between 0 (never misses) and 1.");

    /// <summary>The verdict as the agent perceives it: the true verdict less the issues it overlooked. Deterministic per image.</summary>
    public JudgeResult Look(byte[] png, JudgeResult truth)
    {
        if (Oversight == 0 || truth.Passed) return truth;
        var imageSeed = BitConverter.ToInt64(SHA256.HashData(png), 0);
        var seen = truth.Issues
            .Where(issue => new Random(StableHash.Seed(issue.Message, imageSeed)).NextDouble() >= Oversight * MissRate(issue))
            .ToList();
        return seen.Count == truth.Issues.Count ? truth : new JudgeResult(seen, truth.Detected);
    }

    private static double MissRate(JudgeFailure issue) => issue.Kind switch
    {
        JudgeFailureKind.WrongCount => Math.Abs(issue.Expected - issue.Found) == 1 ? (issue.Expected >= 4 ? 0.35 : 0.2) : 0.08,
        JudgeFailureKind.WrongColor => 0.1,
        JudgeFailureKind.WrongRegion or JudgeFailureKind.WrongRelation => 0.2,
        JudgeFailureKind.WrongSize => 0.25,
        JudgeFailureKind.Missing => 0.05,
        JudgeFailureKind.Excluded => 0.2,
        _ => throw new InvalidOperationException($"No miss rate for {issue.Kind}."),
    };
}

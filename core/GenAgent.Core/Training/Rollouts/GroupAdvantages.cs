namespace GenAgent.Core.Training.Rollouts;

/// <summary>
/// Group-relative advantages as GRPO computes them: each kept rollout's reward minus the group's mean, divided by the
/// group's standard deviation (population, over the kept rollouts) plus a small epsilon, so a group whose rewards are
/// all equal gives every rollout 0.
/// </summary>
public static class GroupAdvantages
{
    public const double Epsilon = 1e-6;

    public static GroupStatistics Compute(IReadOnlyList<double> rewards)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        if (rewards.Count == 0) return new GroupStatistics(0, 0, 0, 0, []);
        var mean = rewards.Average();
        var std = Math.Sqrt(rewards.Sum(r => (r - mean) * (r - mean)) / rewards.Count);
        return new GroupStatistics(mean, std, rewards.Min(), rewards.Max(), [.. rewards.Select(r => (r - mean) / (std + Epsilon))]);
    }
}

/// <summary>A group's reward statistics and each kept rollout's advantage, in the order given.</summary>
public sealed record GroupStatistics(double Mean, double Std, double Min, double Max, IReadOnlyList<double> Advantages);

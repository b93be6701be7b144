using System.ComponentModel.DataAnnotations;

namespace GenAgent.Core.Training.Rewards;

/// <summary>
/// How the parts of a trajectory's reward add up: <c>R = Pointwise * P + Pairwise * Q + Format * F</c> (see
/// <see cref="TrajectoryRewards"/>). The defaults are the weights reported for the paper's RL stage (0.7, 0.3, -0.2),
/// not verified against the paper itself.
/// </summary>
public sealed record RewardWeights
{
    [Range(-10.0, 10.0)]
    public double Pointwise { get; init; } = 0.7;

    [Range(-10.0, 10.0)]
    public double Pairwise { get; init; } = 0.3;

    /// <summary>Added once when any turn broke the protocol; negative, as a penalty.</summary>
    [Range(-10.0, 10.0)]
    public double Format { get; init; } = -0.2;

    public static RewardWeights Default { get; } = new();
}

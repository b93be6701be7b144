using GenAgent.Core.Sessions;
using GenAgent.Core.Training.Rewards;
using GenAgent.Core.Training.Rollouts;

namespace GenAgent.Workflow.Rollouts;

/// <summary>One scored rollout; <see cref="Length"/> is how many images its first episode made (what resampling balances).</summary>
public sealed record RolloutResult(int PromptIndex, int Index, string Id, Trajectory Trajectory, RewardBreakdown Reward)
{
    public int Length { get; } = Trajectory.Turns.Count(t => t.Episode == 1 && t.Image is not null);
}

/// <summary>A finished group: every rollout, the kept ones, and the kept ones' statistics and advantages (in <see cref="Kept"/>'s order).</summary>
public sealed record RolloutGroup(int PromptIndex, string Prompt, IReadOnlyList<RolloutResult> All, IReadOnlyList<RolloutResult> Kept, GroupStatistics Statistics);

using GenAgent.Core.Judging;

namespace GenAgent.Core.Training.Rewards;

/// <summary>Says whether a later image of a trajectory is better than the earlier one for the prompt.</summary>
public interface IPairwiseImageJudge
{
    string Name { get; }

    /// <returns>True when <paramref name="later"/> beats <paramref name="earlier"/>; a tie is no improvement.</returns>
    Task<bool> ImprovesAsync(byte[] earlier, byte[] later, JudgeRequest request, CancellationToken cancellationToken = default);
}

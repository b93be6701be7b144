namespace GenAgent.Core.Sessions;

/// <summary>
/// How each tool call gets its seed. The reference servers use seed 0 every time, so a retry with the
/// same caption returns the same image; <see cref="SeedMode.PerTurn"/> avoids that while staying reproducible.
/// </summary>
public sealed record SeedPolicy(SeedMode Mode = SeedMode.PerTurn, long Base = 0)
{
    /// <summary>The seed for the tool call made at <paramref name="turn"/> (0-based).</summary>
    public long SeedFor(int turn) => Mode switch
    {
        SeedMode.Fixed => Base,
        SeedMode.PerTurn => unchecked(Base + (turn * 7919L)),
        _ => throw new InvalidOperationException($"Unknown seed mode {Mode}."),
    };

    /// <summary>
    /// The distance between the bases of two candidate episodes of <see cref="Effort.High"/>: a prime far above
    /// the per-turn step times any turn budget, so no two candidates ever ask for the same seed.
    /// </summary>
    public const long CandidateStride = 1_000_003L;

    /// <summary>The policy of candidate <paramref name="index"/> (0-based): the same mode with its own base.</summary>
    public SeedPolicy ForCandidate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return this with { Base = unchecked(Base + (index * CandidateStride)) };
    }
}

public enum SeedMode
{
    /// <summary>Every call uses <see cref="SeedPolicy.Base"/>.</summary>
    Fixed,
    /// <summary>Each turn derives its own seed from the base.</summary>
    PerTurn,
}

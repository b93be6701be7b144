using GenAgent.Core.Training.Rollouts;

namespace GenAgent.Core.Tests.Training;

/// <summary>The resampling rule's stated properties, and the group-relative advantages.</summary>
public sealed class RolloutMathTests
{
    [Fact]
    public void Twelve_mostly_short_rollouts_keep_eight_with_lengths_balanced()
    {
        int[] lengths = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3];

        var kept = TrajectoryResampler.Keep(lengths, 8, seed: 3);

        Assert.Equal(8, kept.Count);
        Assert.Equal(8, kept.Distinct().Count());
        var histogram = kept.GroupBy(i => lengths[i]).ToDictionary(g => g.Key, g => g.Count());
        // Length 3 has only two rollouts: both kept; the other lengths share the rest within one of each other.
        Assert.Equal(2, histogram[3]);
        Assert.Equal(3, histogram[1]);
        Assert.Equal(3, histogram[2]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    public void Any_two_lengths_are_kept_equally_often_within_one_unless_the_rarer_runs_out(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 200; trial++)
        {
            var lengths = Enumerable.Range(0, random.Next(1, 16)).Select(_ => random.Next(1, 5)).ToArray();
            var keep = random.Next(0, 17);

            var kept = TrajectoryResampler.Keep(lengths, keep, seed + trial);

            Assert.Equal(Math.Min(keep, lengths.Length), kept.Count);
            Assert.Equal(kept.Count, kept.Distinct().Count());
            var counts = lengths.Distinct().ToDictionary(l => l, l => (Kept: kept.Count(i => lengths[i] == l), Available: lengths.Count(x => x == l)));
            foreach (var a in counts)
            {
                foreach (var b in counts)
                {
                    if (a.Value.Kept > b.Value.Kept + 1) Assert.Equal(b.Value.Available, b.Value.Kept);
                }
            }
        }
    }

    [Fact]
    public void The_same_lengths_and_seed_keep_the_same_rollouts_and_another_seed_may_not()
    {
        int[] lengths = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];

        Assert.Equal(TrajectoryResampler.Keep(lengths, 8, 5), TrajectoryResampler.Keep(lengths, 8, 5));
        Assert.Contains(Enumerable.Range(0, 20), s => !TrajectoryResampler.Keep(lengths, 8, s).Order().SequenceEqual(TrajectoryResampler.Keep(lengths, 8, 5).Order()));
    }

    [Fact]
    public void Advantages_are_rewards_standardised_within_the_group()
    {
        var stats = GroupAdvantages.Compute([1.0, 0.0, 0.5, 0.5]);

        Assert.Equal(0.5, stats.Mean, 9);
        Assert.Equal(Math.Sqrt(0.125), stats.Std, 9);
        Assert.Equal(0, stats.Advantages.Sum(), 9);
        Assert.Equal(0.5 / (Math.Sqrt(0.125) + GroupAdvantages.Epsilon), stats.Advantages[0], 9);
        Assert.All(GroupAdvantages.Compute([0.7, 0.7, 0.7]).Advantages, a => Assert.Equal(0, a, 6));
    }
}

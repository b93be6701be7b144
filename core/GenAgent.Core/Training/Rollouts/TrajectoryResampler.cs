namespace GenAgent.Core.Training.Rollouts;

/// <summary>
/// Trajectory resampling for multi-turn GRPO: keep <c>keep</c> of a group's rollouts so that trajectory lengths are
/// balanced, instead of letting the common length (often "one image, stop") crowd out the rest. The rule: bucket the
/// rollouts by length, shortest bucket first; order each bucket by a shuffle seeded with the seed; then take one from
/// each non-empty bucket in turn until <c>keep</c> are taken. Properties (tested): it keeps min(keep, group) rollouts;
/// any two lengths are kept equally often, within one, unless the rarer bucket is exhausted (then all of it is kept);
/// the same lengths and seed keep the same rollouts; with one length it is a seeded sample.
/// </summary>
public static class TrajectoryResampler
{
    /// <returns>The indexes into <paramref name="lengths"/> that are kept, in the order taken.</returns>
    public static IReadOnlyList<int> Keep(IReadOnlyList<int> lengths, int keep, int seed)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 0);
        var random = new Random(seed);
        var buckets = lengths
            .Select((length, index) => (length, index))
            .GroupBy(r => r.length)
            .OrderBy(g => g.Key)
            .Select(g => new Queue<int>(Shuffled(g.Select(r => r.index).ToList(), random)))
            .ToList();

        var kept = new List<int>(Math.Min(keep, lengths.Count));
        while (kept.Count < keep && buckets.Any(b => b.Count > 0))
        {
            foreach (var bucket in buckets)
            {
                if (kept.Count == keep) break;
                if (bucket.TryDequeue(out var index)) kept.Add(index);
            }
        }
        return kept;
    }

    private static List<int> Shuffled(List<int> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}

namespace GenAgent.Cli.Eval;

/// <summary>GenEval++ scoring: accuracy per tag, overall = mean of the tag accuracies (so every tag weighs the same).</summary>
internal static class EvalScoring
{
    public static EvalReport Score(string benchmark, string size, IReadOnlyList<int> caps, IReadOnlyList<EvalSample> samples)
    {
        var tags = samples
            .GroupBy(s => s.Item.Tag, StringComparer.Ordinal)
            .Select(g => new EvalRow(
                g.Key,
                g.Count(),
                Rate(g.Select(s => s.Bare)),
                caps.Select((_, c) => Rate(g.Select(s => s.Agent[c].Passed))).ToList()))
            .ToList();

        var overall = new EvalRow(
            "overall",
            samples.Count,
            Mean(tags.Select(t => t.Bare)),
            caps.Select((_, c) => Mean(tags.Select(t => t.Agent[c]))).ToList());
        var meanImages = caps.Select((_, c) => samples.Count == 0 ? 0 : samples.Average(s => (double)s.Agent[c].ImagesUsed)).ToList();
        var failed = samples.Sum(s => s.Agent.Count(a => a.SessionFailed));
        // The agent's verdicts at the largest cap, where it judges the most images.
        var eye = EyeTally.Sum(samples.Select(s => s.Agent[^1].Eye).OfType<EyeTally>());
        return new EvalReport(benchmark, samples.Count, size, caps, tags, overall, meanImages, failed, eye);
    }

    private static double Rate(IEnumerable<bool> passed)
    {
        var list = passed.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(p => p) / list.Count;
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}

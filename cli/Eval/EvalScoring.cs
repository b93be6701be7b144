using GenAgent.Core.Judging.Wise;
using GenAgent.Sketch;

namespace GenAgent.Cli.Eval;

/// <summary>
/// Turns a run's results into its summary. GenEval-style sets: accuracy per tag, overall = the mean of the tag
/// accuracies (every tag weighs the same). WISE: the mean score per category, overall = the protocol's category
/// weights. A sample without an image scores 0 in every round.
/// </summary>
internal static class EvalScoring
{
    public static EvalSummary Summarize(EvalPlan plan, IReadOnlyList<EvalItem> items, IReadOnlyDictionary<string, EvalResult> results, int samplesThisRun, double wallSeconds)
    {
        var tags = items.Select(i => i.Tag).Distinct(StringComparer.Ordinal).ToList();
        var configurations = plan.Configurations.Select(c => Configuration(plan, c, items, results, tags)).ToList();
        var all = results.Values.Where(r => plan.Configurations.Any(c => c.Name == r.Configuration)).ToList();
        var rounds = all.SelectMany(r => r.Rounds).ToList();
        var totals = new EvalTotals(
            all.Sum(r => r.InputTokens),
            all.Sum(r => r.OutputTokens),
            all.Sum(r => r.ToolCost),
            rounds.Count,
            rounds.Sum(r => r.JudgeCalls),
            rounds.Sum(r => r.JudgeInputTokens),
            rounds.Sum(r => r.JudgeOutputTokens),
            Math.Round(all.Sum(r => r.Seconds), 1),
            samplesThisRun,
            Math.Round(wallSeconds, 2),
            wallSeconds > 0 ? Math.Round(samplesThisRun / wallSeconds, 3) : 0);
        var expected = plan.Configurations.Count * items.Count;
        var warnings = new List<string>();
        var unparsed = configurations.Sum(c => c.Unparsed);
        if (unparsed > 0 && plan.Judge == WiseLegacyJudge.JudgeName)
            warnings.Add($"{unparsed} judge repl{(unparsed == 1 ? "y" : "ies")} had no three ratings; the original WISE protocol rejects such a run, so these numbers are not comparable with the paper's.");
        else if (unparsed > 0)
            warnings.Add($"{unparsed} judge repl{(unparsed == 1 ? "y" : "ies")} could not be read and counted as wrong, as the benchmark scores them.");
        var failures = configurations.Sum(c => c.JudgeFailures);
        if (failures > 0) warnings.Add($"{failures} image(s) could not be judged (the judge's retries ran out); genagent eval --resume judges them again.");
        if (results.Count < expected) warnings.Add($"{expected - results.Count} of {expected} samples are not done yet; genagent eval --resume <run folder> continues.");
        return new EvalSummary(
            plan.Benchmark, plan.Judge, plan.Judge == SketchImageJudge.JudgeName, plan.Size, plan.MaxImages, items.Count, results.Count,
            Math.Max(0, expected - results.Count), tags, configurations, totals, warnings);
    }

    private static ConfigurationSummary Configuration(EvalPlan plan, EvalConfiguration configuration, IReadOnlyList<EvalItem> items, IReadOnlyDictionary<string, EvalResult> results, List<string> tags)
    {
        var rounds = configuration.Bare ? 1 : plan.MaxImages;
        var mine = items
            .Select(i => results.GetValueOrDefault(EvalResult.KeyOf(configuration.Name, i.Index)))
            .OfType<EvalResult>()
            .ToList();
        var tagRows = tags
            .Select(tag =>
            {
                var samples = mine.Where(r => r.Tag == tag).ToList();
                var byRound = Enumerable.Range(1, rounds).Select(r => Mean(samples.Select(s => s.ScoreAfter(r)))).ToList();
                return new TagSummary(tag, samples.Count, byRound[^1], byRound, Mean(samples.Select(s => (double)s.Rounds.Count)));
            })
            .Where(t => t.Prompts > 0)
            .ToList();
        var overallByRound = Enumerable.Range(0, rounds).Select(r => Overall(plan, tagRows.ToDictionary(t => t.Tag, t => t.ByRound[r]))).ToList();
        var histogram = Enumerable.Range(0, Math.Max(plan.MaxImages, 1) + 2).Select(n => mine.Count(r => r.Rounds.Count == n)).ToList();
        while (histogram.Count > 1 && histogram[^1] == 0) histogram.RemoveAt(histogram.Count - 1);
        var outcomes = mine.GroupBy(r => r.Outcome, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var verdicts = mine.SelectMany(r => r.Rounds).ToList();
        var eye = new EyeTally(
            verdicts.Count(v => v.AgentDecision is "done" or "continued"),
            verdicts.Count(v => v.AgentDecision == "done" && !v.Pass && !v.JudgeFailed),
            verdicts.Count(v => v.AgentDecision == "continued" && v.Pass));
        return new ConfigurationSummary(
            configuration.Name, configuration.Agent, configuration.Generator, configuration.Bare, mine.Count,
            overallByRound.Count == 0 ? 0 : overallByRound[^1], overallByRound, tagRows,
            Mean(mine.Select(r => (double)r.Rounds.Count)), histogram, outcomes, eye,
            verdicts.Count(v => v.Unparsed), verdicts.Count(v => v.JudgeFailed),
            PaperNumbers.For(plan, configuration));
    }

    private static double Overall(EvalPlan plan, IReadOnlyDictionary<string, double> byTag) =>
        plan.IsWise ? WiseWeights.Overall(byTag, verified: plan.Judge == WiseVerifiedJudge.JudgeName) : Mean(byTag.Values);

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}

using GenAgent.Cli.Eval;
using GenAgent.Core.Judging.GenEval;
using GenAgent.Core.Judging.Wise;

namespace GenAgent.Cli.Tests.Eval;

/// <summary>Per-round, per-tag and cross-tool tables from scripted results with known verdicts.</summary>
public class EvalScoringTests
{
    private static readonly EvalConfiguration FluxAlone = new("vllm-genagent", "vllm-genagent", Bare: true);
    private static readonly EvalConfiguration AgentFlux = new("vllm-genagent", "vllm-genagent", Bare: false);
    private static readonly EvalConfiguration AgentQwen = new("vllm-genagent", "qwen-image", Bare: false);

    private static EvalPlan Plan(string benchmark = "geneval-pp", string judge = GenEvalVlmJudge.JudgeName, bool wise = false, int maxImages = 2) =>
        new(benchmark, "/b", wise, judge, 1024, 1024, maxImages, null, [FluxAlone, AgentFlux, AgentQwen]);

    /// <summary>A sample whose images scored <paramref name="scores"/> in order; the agent said done on the last one.</summary>
    private static EvalResult Result(EvalConfiguration configuration, int index, string tag, string outcome, params double[] scores) => new()
    {
        Configuration = configuration.Name,
        Index = index,
        Tag = tag,
        Prompt = $"p{index}",
        Outcome = outcome,
        Rounds = scores.Select((s, r) => new EvalRound
        {
            Round = r + 1,
            Image = $"images/{r}.png",
            Pass = s >= 0.5,
            Score = s,
            AgentDecision = configuration.Bare ? "none" : r == scores.Length - 1 ? "done" : "continued",
        }).ToList(),
    };

    private static readonly EvalItem[] Items =
    [
        new(0, "counting", "p0"), new(1, "counting", "p1"), new(2, "counting", "p2"), new(3, "counting", "p3"), new(4, "color_attr", "p4"),
    ];

    private static Dictionary<string, EvalResult> Results(params EvalResult[] results) => results.ToDictionary(r => r.Key);

    [Fact]
    public void Each_round_scores_the_latest_image_by_then_and_overall_is_the_mean_of_the_tags()
    {
        var results = Results(
            Result(AgentFlux, 0, "counting", "done", 1),
            Result(AgentFlux, 1, "counting", "done", 0, 1),
            Result(AgentFlux, 2, "counting", "imageBudgetReached", 0, 0),
            Result(AgentFlux, 3, "counting", "fallback", 1),
            Result(AgentFlux, 4, "color_attr", "done", 0, 1));

        var summary = EvalScoring.Summarize(Plan(), Items, results, samplesThisRun: 5, wallSeconds: 10);

        var agent = summary.Configurations.Single(c => c.Name == AgentFlux.Name);
        var counting = agent.Tags.Single(t => t.Tag == "counting");
        Assert.Equal([0.5, 0.75], counting.ByRound);
        Assert.Equal(0.75, counting.Final);
        Assert.Equal(1.5, counting.MeanImages);
        Assert.Equal([0.0, 1.0], agent.Tags.Single(t => t.Tag == "color_attr").ByRound);
        Assert.Equal([(0.5 + 0.0) / 2, (0.75 + 1.0) / 2], agent.ByRound);
        Assert.Equal(agent.ByRound[^1], agent.Overall);
        Assert.Equal([0, 2, 3], agent.ImagesHistogram);
        Assert.Equal(new Dictionary<string, int> { ["done"] = 3, ["fallback"] = 1, ["imageBudgetReached"] = 1 }, agent.Outcomes);
        // Verdicts on 8 images: done on 5 (all passing except index 2's last), went on from 3 failing ones.
        Assert.Equal(new EyeTally(8, 1, 0), agent.AgentEye);
        Assert.Equal(0.5, summary.Totals.SamplesPerSecond);
    }

    [Fact]
    public void Cross_tool_rows_compare_generators_and_match_the_papers_numbers_only_for_the_matching_configuration()
    {
        var results = Results(
            Result(FluxAlone, 0, "counting", "bare", 0), Result(FluxAlone, 4, "color_attr", "bare", 1),
            Result(AgentFlux, 0, "counting", "done", 0, 1), Result(AgentFlux, 4, "color_attr", "done", 1),
            Result(AgentQwen, 0, "counting", "done", 1), Result(AgentQwen, 4, "color_attr", "done", 1));
        var items = Items.Where(i => i.Index is 0 or 4).ToList();

        var summary = EvalScoring.Summarize(Plan(), items, results, 6, 1);

        Assert.Equal(["vllm-genagent alone", "vllm-genagent", "vllm-genagent + qwen-image"], summary.Configurations.Select(c => c.Name));
        Assert.Equal([0.5], summary.Configurations[0].ByRound);
        Assert.Equal([0.5, 1.0], summary.Configurations[1].ByRound);
        Assert.Equal([1.0, 1.0], summary.Configurations[2].ByRound);
        Assert.Equal([0.325, 0.561, 0.725], summary.Configurations.Select(c => c.Paper!.Value));
        Assert.Empty(summary.Warnings);

        var threeImages = EvalScoring.Summarize(Plan(maxImages: 3), items, results, 6, 1);
        Assert.NotNull(threeImages.Configurations[0].Paper);
        Assert.All(threeImages.Configurations.Skip(1), c => Assert.Null(c.Paper));
        Assert.All(EvalScoring.Summarize(Plan(benchmark: "geneval"), items, results, 6, 1).Configurations, c => Assert.Null(c.Paper));
    }

    [Fact]
    public void A_missing_sample_scores_nothing_and_is_reported_pending()
    {
        var results = Results(Result(AgentFlux, 0, "counting", "done", 1), Result(AgentFlux, 1, "counting", "failed"));

        var summary = EvalScoring.Summarize(Plan(), Items, results, 2, 1);

        var agent = summary.Configurations.Single(c => c.Name == AgentFlux.Name);
        Assert.Equal(0.5, agent.Tags.Single().Final);
        Assert.Equal(3 * Items.Length - 2, summary.Pending);
        Assert.Contains(summary.Warnings, w => w.Contains("--resume", StringComparison.Ordinal));
    }

    [Fact]
    public void Wise_weighs_the_categories_and_flags_unparsed_legacy_replies()
    {
        EvalItem[] items = [new(0, "Cultural", "a"), new(1, "Time", "b"), new(2, "Physics", "c")];
        var unparsed = Result(AgentFlux, 2, "Physics", "done", 0) with
        {
            Rounds = [new EvalRound { Round = 1, Image = "x.png", Score = 0, Unparsed = true }],
        };
        var results = Results(Result(AgentFlux, 0, "Cultural", "done", 0.9), Result(AgentFlux, 1, "Time", "done", 0.6), unparsed);
        var plan = Plan(EvalBenchmark.Wise, WiseLegacyJudge.JudgeName, wise: true) with { Configurations = [AgentFlux] };

        var summary = EvalScoring.Summarize(plan, items, results, 3, 1);

        var agent = Assert.Single(summary.Configurations);
        Assert.Equal((0.4 * 0.9 + 0.167 * 0.6 + 0.1 * 0) / (0.4 + 0.167 + 0.1), agent.Overall, 9);
        Assert.Equal(1, agent.Unparsed);
        Assert.Contains(summary.Warnings, w => w.Contains("rejects such a run", StringComparison.Ordinal));
    }
}

using GenAgent.Cli.Eval;
using GenAgent.Core.Benchmarks;

namespace GenAgent.Cli.Tests.Eval;

public class EvalScoringTests
{
    private static EvalSample Sample(string tag, bool bare, params (bool Passed, int Images)[] agent) =>
        new(new BenchmarkItem(tag, "p", [new BenchmarkObject("clock", 1, null, null, null, null)], []), bare,
            agent.Select(a => new AgentAttempt(a.Passed, a.Images, SessionFailed: false)).ToList());

    [Fact]
    public void Overall_is_the_mean_of_tag_accuracies_not_of_prompts()
    {
        var samples = new[]
        {
            Sample("counting", true, (true, 1), (true, 1)),
            Sample("counting", false, (false, 1), (true, 2)),
            Sample("counting", false, (false, 1), (true, 2)),
            Sample("counting", false, (false, 1), (false, 2)),
            Sample("color_attr", true, (true, 1), (true, 1)),
        };

        var report = EvalScoring.Score("b.jsonl", "256x256", [1, 2], samples);

        var counting = report.Tags.Single(t => t.Tag == "counting");
        Assert.Equal(0.25, counting.Bare, 6);
        Assert.Equal(0.75, counting.Agent[1], 6);
        Assert.Equal((0.25 + 1.0) / 2, report.Overall.Bare, 6);
        Assert.Equal((0.75 + 1.0) / 2, report.Overall.Agent[1], 6);
        Assert.Equal(1.0, report.MeanImagesUsed[0], 6);
        Assert.Equal(8.0 / 5, report.MeanImagesUsed[1], 6);
        Assert.Equal(5, report.Prompts);
    }
}

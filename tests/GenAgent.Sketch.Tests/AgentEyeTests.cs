using GenAgent.Core.Benchmarks;
using GenAgent.Core.Tools;
using Xunit.Abstractions;

namespace GenAgent.Sketch.Tests;

/// <summary>The agent's eye is not the evaluator: they disagree on some images, and the reason is the eye's view.</summary>
public sealed class AgentEyeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_eye_and_the_evaluator_disagree_on_some_images_because_the_eye_sees_less()
    {
        var items = BenchmarkSet.Load(BenchmarkFiles.GenEvalPlusPlus);
        var generator = new SketchGenerator();
        var disagreements = 0;
        var explained = 0;
        foreach (var item in items.Where(i => i.Tag is "counting" or "multi_object_count_attr").Take(60))
        {
            // The same checklist for both: only perception differs.
            var checklist = Checklist.FromBenchmark(item);
            var png = (await generator.GenerateAsync(new GenerationRequest(item.Prompt, 512, 512, 0))).Png;
            var truth = SketchJudge.Judge(png, checklist);
            var seen = AgentEye.Default.Look(png, checklist);
            if (truth.Passed == seen.Passed)
            {
                continue;
            }

            disagreements++;
            var evaluatorSaw = Summary(truth.Detected);
            var eyeSaw = Summary(seen.Detected);
            output.WriteLine($"{item.Prompt}\n  evaluator ({(truth.Passed ? "pass" : "fail")}): {evaluatorSaw}\n  eye ({(seen.Passed ? "pass" : "fail")}): {eyeSaw}");

            // The reason is what each saw, not a different rule: judged on the evaluator's detections, the eye's
            // checklist logic gives the evaluator's verdict.
            Assert.NotEqual(evaluatorSaw, eyeSaw);
            Assert.Equal(truth.Passed, SketchJudge.Judge(truth.Detected, checklist, 512, 512).Passed);

            // And the view is why: objects shrink by the view's factor, so the ones the eye misreads are small there.
            var factor = AgentEye.ViewSide / 512.0;
            var smallest = truth.Detected.Min(d => Math.Min(d.Box.Width, d.Box.Height)) * factor;
            output.WriteLine($"  smallest object in the eye's view: {smallest:F0} px");
            if (smallest < 24)
            {
                explained++;
            }
        }

        Assert.InRange(disagreements, 1, 59);
        Assert.True(explained > 0, "no disagreement involved objects the eye sees small");
    }

    private static string Summary(IReadOnlyList<DetectedObject> detected) =>
        string.Join(", ", detected.GroupBy(d => (d.Class, d.Color)).OrderBy(g => g.Key.Class).Select(g => $"{g.Count()} {g.Key.Color} {g.Key.Class}"));
}

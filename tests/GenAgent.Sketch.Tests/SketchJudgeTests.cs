using GenAgent.Core.Benchmarks;
using GenAgent.Sketch;

namespace GenAgent.Sketch.Tests;

public sealed class SketchJudgeTests
{
    private static readonly int[] Sides = [256, 384, 512, 256, 320, 1024, 448, 256, 640, 512];

    public static TheoryData<string> Files => new() { BenchmarkFiles.GenEvalPlusPlus, BenchmarkFiles.GenEval };

    [Theory]
    [MemberData(nameof(Files))]
    public void Clean_renders_of_every_benchmark_checklist_pass_and_show_exactly_the_checklist(string file)
    {
        var items = BenchmarkSet.Load(file);
        var failures = new List<string>();
        for (var n = 0; n < items.Count; n++)
        {
            var checklist = Checklist.FromBenchmark(items[n]);
            var side = Sides[n % Sides.Length];
            var caption = CaptionWriter.Write(checklist, n % 2);
            var png = SketchGenerator.Render(CaptionParser.Parse(caption), caption, side, side, n, withMistakes: false, out _);

            var result = SketchJudge.Judge(png, checklist);

            var expected = checklist.Groups.SelectMany(g => Enumerable.Repeat(g.Class + "/" + (g.Color ?? "*"), g.Count)).Order();
            var seen = result.Detected.Select(d => d.Class + "/" + (checklist.Groups.First(g => g.Class == d.Class).Color is null ? "*" : d.Color)).Order();
            if (!result.Passed || !expected.SequenceEqual(seen))
            {
                failures.Add($"{items[n].Prompt} @{side}: {string.Join("; ", result.Failures)} | saw {string.Join(", ", seen)}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("Exactly 3 blue clocks. Exactly 1 red cat.", "Exactly 2 blue clocks. Exactly 1 red cat.", JudgeFailureKind.WrongCount, "expected 3 blue clocks, found 2")]
    [InlineData("Exactly 3 blue clocks. Exactly 1 red cat.", "Exactly 3 blue clocks. Exactly 1 green cat.", JudgeFailureKind.WrongColor, "expected every cat to be red, found 1 green")]
    [InlineData("Exactly 3 blue clocks. Exactly 1 red cat.", "Exactly 3 blue clocks.", JudgeFailureKind.Missing, "expected 1 red cat, found 0")]
    [InlineData("Exactly 1 bus, in the left half of the image. Exactly 1 dog, in the right half of the image.", "Exactly 1 bus, in the right half of the image. Exactly 1 dog, in the left half of the image.", JudgeFailureKind.WrongRegion, "expected the buses in the left half, 1 of 1 not there")]
    [InlineData("Exactly 1 large bench, in the top half of the image. Exactly 1 small spoon, in the bottom half of the image.", "Exactly 1 small bench, in the top half of the image. Exactly 1 large spoon, in the bottom half of the image.", JudgeFailureKind.WrongSize, "expected the bench to be larger than the spoon")]
    public void Injected_mistakes_fail_with_the_right_reason(string wanted, string drawn, JudgeFailureKind kind, string message)
    {
        var checklist = Checklist.FromPrompt(wanted);
        var png = SketchGenerator.Render(CaptionParser.Parse(drawn), drawn, 512, 512, 3, withMistakes: false, out _);

        var result = SketchJudge.Judge(png, checklist);

        Assert.False(result.Passed);
        Assert.Contains(result.Issues, i => i.Kind == kind);
        Assert.Contains(message, result.Failures);
    }

    [Fact]
    public void Relations_are_judged_by_centers()
    {
        var item = new BenchmarkItem("position", "a photo of a dog right of a teddy bear",
            [new BenchmarkObject("teddy bear", 1), new BenchmarkObject("dog", 1, Position: new BenchmarkPosition("right of", 0))], []);
        var checklist = Checklist.FromBenchmark(item);
        var right = SketchGenerator.Render(CaptionParser.Parse("a teddy bear on the left and a dog on the right"), "a", 256, 256, 1, false, out _);
        var wrong = SketchGenerator.Render(CaptionParser.Parse("a teddy bear on the right and a dog on the left"), "b", 256, 256, 1, false, out _);

        Assert.True(SketchJudge.Judge(right, checklist).Passed);
        Assert.Contains(SketchJudge.Judge(wrong, checklist).Issues, i => i.Kind == JudgeFailureKind.WrongRelation);
    }

    [Fact]
    public void Exclude_rules_fail_when_the_count_is_reached()
    {
        var checklist = new Checklist([new ObjectGroup("clock", 2)], [new ExcludeRule("horse", 2)]);
        var png = SketchGenerator.Render(CaptionParser.Parse("2 clocks and 3 horses"), "c", 384, 384, 1, false, out _);

        var result = SketchJudge.Judge(png, checklist);

        Assert.Equal(JudgeFailureKind.Excluded, Assert.Single(result.Issues).Kind);
    }
}

using GenAgent.Sketch;
using GenAgent.Core.Tools;

namespace GenAgent.Sketch.Tests;

public sealed class SketchEditorTests
{
    private static byte[] Draw(string caption, int side = 512) =>
        SketchGenerator.Render(CaptionParser.Parse(caption), caption, side, side, 5, withMistakes: false, out _);

    [Theory]
    [InlineData("Exactly 1 green bus. Exactly 2 red cats.", "make the bus blue", "Exactly 1 blue bus. Exactly 2 red cats.")]
    [InlineData("Exactly 3 blue clocks.", "add one more clock", "Exactly 4 blue clocks.")]
    [InlineData("Exactly 3 blue clocks. Exactly 1 dog.", "remove one clock", "Exactly 2 blue clocks. Exactly 1 dog.")]
    [InlineData("Exactly 1 dog, in the left half of the image.", "add a yellow cat on the right", "Exactly 1 dog, in the left half of the image. Exactly 1 yellow cat, in the right half of the image.")]
    [InlineData("Exactly 1 dog, in the left half of the image. Exactly 1 cat, in the left half of the image.", "move the dog to the right", "Exactly 1 dog, in the right half of the image. Exactly 1 cat, in the left half of the image.")]
    [InlineData("Exactly 2 green cats. Exactly 1 red cat.", "make the red cat green", "Exactly 3 green cats.")]
    [InlineData("Exactly 4 orange clocks.", "add 3 more clocks and then make the clocks pink", "Exactly 7 pink clocks.")]
    public void Edits_do_what_they_say(string before, string instruction, string after)
    {
        var edited = SketchEditor.Edit(Draw(before), instruction, 512, 512, 1, skipRate: 0, out _);

        var result = SketchJudge.Judge(edited, Checklist.FromPrompt(after));

        Assert.True(result.Passed, string.Join("; ", result.Failures));
    }

    [Fact]
    public void Larger_makes_the_object_bigger()
    {
        var source = Draw("Exactly 1 bench. Exactly 1 spoon.");
        var edited = SketchEditor.Edit(source, "make the bench larger", 512, 512, 1, skipRate: 0, out _);

        var before = SketchVision.Detect(source).Single(d => d.Class == "bench").Area;
        var after = SketchVision.Detect(edited).Single(d => d.Class == "bench").Area;
        Assert.True(after > before * 1.5, $"{before} -> {after}");
    }

    [Fact]
    public async Task Unknown_instructions_fail_permanently_and_say_what_is_understood()
    {
        var request = new EditRequest("sing a song about the sea", Draw("Exactly 1 cat."), 512, 512, 0);

        var ex = await Assert.ThrowsAsync<PermanentToolException>(() => new SketchEditor().EditAsync(request));

        Assert.Contains("sing a song", ex.Message, StringComparison.Ordinal);
        Assert.Contains("make the <object> <color>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_fixes_most_single_flaws()
    {
        var fixedCount = 0;
        const int Trials = 40;
        for (var n = 0; n < Trials; n++)
        {
            var source = Draw($"Exactly {2 + (n % 4)} blue clocks. Exactly 1 red cat.");
            var edited = SketchEditor.Edit(source, "add one more clock; make the cat green", 512, 512, n, SketchEditor.SkipRate, out _);
            fixedCount += SketchJudge.Judge(edited, Checklist.FromPrompt($"Exactly {3 + (n % 4)} blue clocks. Exactly 1 green cat.")).Passed ? 1 : 0;
        }

        Assert.True(fixedCount >= Trials * 0.8, $"fixed {fixedCount} of {Trials}");
    }
}

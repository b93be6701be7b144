using GenAgent.Core.Benchmarks;
using GenAgent.Core.Judging.GenEval;

namespace GenAgent.Core.Tests.Judging.GenEval;

public sealed class GenEvalChecklistTests
{
    private static readonly IReadOnlyList<BenchmarkItem> Items = BenchmarkSet.Load(BenchmarkFiles.GenEvalPlusPlus);

    [Theory]
    [InlineData("A photo of six clocks", "- 6 clocks.|- No more than 6 clocks.")]
    [InlineData("A photo of a brown bus, a green truck, and a red skateboard", "- 1 brown-colored buss.|- 1 green-colored trucks.|- 1 red-colored skateboards.")]
    [InlineData("A photo of three white boats and one green hot dogs", "- 3 white-colored boats.|- 1 green-colored hot dogs.")]
    [InlineData("A photo of blue spoon on the left and red couch on the right",
        "- 1 blue-colored spoons located in the left part of the image.|- 1 red-colored couchs located in the right part of the image.")]
    [InlineData("A photo of three clocks on the left and one cats on the right",
        "- 3 clocks located in the left part of the image.|- 1 cats located in the right part of the image.")]
    [InlineData("A photo of a larger bench on the above and a smaller spoon on the below",
        "- 1 larger benchs located in the above part of the image.|- 1 smaller spoons located in the below part of the image.")]
    [InlineData("A photo of two tennis rackets, two broccolis, and three sports balls", "- 2 tennis rackets.|- 2 broccolis.|- 3 sports balls.")]
    public void Every_tag_shape_gives_the_official_lines(string prompt, string expected)
    {
        // The official script appends "s" to every class ("buss", "couchs"); its judge saw exactly that.
        var item = Items.First(i => i.Prompt == prompt);
        Assert.Equal(expected.Split('|'), GenEvalChecklist.Lines(item));
    }

    [Fact]
    public void The_user_text_is_the_instruction_then_the_checklist()
    {
        var item = Items.First(i => i.Prompt == "A photo of six clocks");
        Assert.Equal("Instruction: A photo of six clocks\nExpectation checklist:\n- 6 clocks.\n- No more than 6 clocks.", GenEvalChecklist.Text(item.Prompt, item));
        Assert.Equal("Instruction: a red bus\nExpectation checklist:\n- Everything the instruction asks for.", GenEvalChecklist.Text("a red bus", null));
    }

    [Fact]
    public void Every_shipped_line_gives_one_checklist_line_per_group()
    {
        Assert.Equal(280, Items.Count);
        Assert.All(Items, i => Assert.Equal(i.Include.Count + i.Exclude.Count, GenEvalChecklist.Lines(i).Count));
    }

    [Theory]
    [InlineData("{\"correct\": 1, \"reason\": \"all there\"}", true, "all there")]
    [InlineData("```json\n{\"correct\": 0, \"reason\": \"two clocks, not six\"}\n```", false, "two clocks, not six")]
    [InlineData("Here is my verdict: {\"correct\": true} as asked.", true, null)]
    [InlineData("{'correct': '0', 'reason': 'single quotes'}", false, "single quotes")]
    public void Verdicts_are_read_through_fences_and_prose(string reply, bool correct, string? reason) =>
        Assert.Equal(new GenEvalVerdict(correct, reason), GenEvalVerdict.TryParse(reply));

    [Theory]
    [InlineData("")]
    [InlineData("The image is correct.")]
    [InlineData("{\"reason\": \"no verdict field\"}")]
    [InlineData("{\"correct\": 2}")]
    [InlineData("{\"correct\": \"yes\"}")]
    public void A_reply_without_a_verdict_is_none(string reply) => Assert.Null(GenEvalVerdict.TryParse(reply));
}

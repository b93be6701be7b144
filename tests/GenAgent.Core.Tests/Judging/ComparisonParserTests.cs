using GenAgent.Core.Judging;

namespace GenAgent.Core.Tests.Judging;

public sealed class ComparisonParserTests
{
    public static TheoryData<string, ComparisonChoice> Readable => new()
    {
        { "<think>B misses a dog.</think><answer>A</answer>", ComparisonChoice.A },
        { "<think>A has the wrong color</think>\n<answer>B</answer>", ComparisonChoice.B },
        { "<think>close call</think><answer> b </answer>", ComparisonChoice.B },
        { "<think>x</think><answer>Image B</answer>", ComparisonChoice.B },
        { "<think>x</think><answer>**A**.</answer>", ComparisonChoice.A },
        { "<think>x</think><answer>\"B\"</answer>", ComparisonChoice.B },
        { "<think>x</think><answer>second</answer>", ComparisonChoice.B },
        { "<think>x</think><answer>1</answer>", ComparisonChoice.A },
        { "<think>x</think><answer>B", ComparisonChoice.B },
        { "x</think><answer>A</answer>", ComparisonChoice.A },
        { "<THINK>x</THINK><ANSWER>B</ANSWER>", ComparisonChoice.B },
        { "<think>I could answer <answer>A</answer> or B.</think><answer>B</answer>", ComparisonChoice.B },
        { "A shows all three clocks, B only two.\nAnswer: A", ComparisonChoice.A },
        { "Both are close.\nFinal answer: **Image B**", ComparisonChoice.B },
        { "Winner = B", ComparisonChoice.B },
    };

    public static TheoryData<string?> Unreadable => new()
    {
        null,
        "",
        "   ",
        "I like both of them.",
        "<think>hard to say</think>",
        "<think>x</think><answer>both</answer>",
        "<think>x</think><answer>A or B</answer>",
        "<think>x</think><answer>done</answer>",
        "The answer is a matter of taste.",
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_the_winner_from_tolerated_replies(string reply, ComparisonChoice expected)
    {
        var verdict = ComparisonParser.TryParse(reply);

        Assert.NotNull(verdict);
        Assert.Equal(expected, verdict.Winner);
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Has_no_verdict_when_no_single_winner_is_named(string? reply) => Assert.Null(ComparisonParser.TryParse(reply));

    [Fact]
    public void Keeps_the_thinking_as_the_reasoning()
    {
        var verdict = ComparisonParser.TryParse("<think>\nA has 2 clocks, B has 3.\n</think>\n<answer>B</answer>");

        Assert.Equal("A has 2 clocks, B has 3.", verdict!.Reasoning);
    }

    [Fact]
    public void Uses_the_text_before_an_answer_line_as_the_reasoning_when_there_is_no_think()
    {
        var verdict = ComparisonParser.TryParse("B is missing the bus.\nAnswer: A");

        Assert.Equal("B is missing the bus.", verdict!.Reasoning);
        Assert.Null(ComparisonParser.TryParse("<answer>A</answer>")!.Reasoning);
    }
}

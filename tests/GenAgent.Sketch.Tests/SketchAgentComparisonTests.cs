using GenAgent.Core.Judging;
using GenAgent.Sketch;
using Microsoft.Extensions.AI;

namespace GenAgent.Sketch.Tests;

public sealed class SketchAgentComparisonTests
{
    private const string Prompt = "a photo of three red clocks";

    [Fact]
    public async Task Prefers_the_image_that_passes_the_checklist_even_when_it_is_b()
    {
        var wrong = SketchAgentTests.Clean("Exactly 2 red clocks.");
        var right = SketchAgentTests.Clean("Exactly 3 red clocks.");

        var reply = await Compare(wrong, right);

        var verdict = ComparisonParser.TryParse(reply.Text);
        Assert.Equal(ComparisonChoice.B, verdict!.Winner);
        Assert.Matches(@"^<think>[\s\S]+</think>\s*<answer>B</answer>$", reply.Text);
        Assert.Contains("expected 3 red clocks, found 2", verdict.Reasoning, StringComparison.Ordinal);
        Assert.True(reply.Usage!.InputTokenCount > 0);
    }

    [Fact]
    public async Task Prefers_a_when_a_passes()
    {
        var reply = await Compare(SketchAgentTests.Clean("Exactly 3 red clocks."), SketchAgentTests.Clean("Exactly 3 blue clocks."));

        Assert.Equal(ComparisonChoice.A, ComparisonParser.TryParse(reply.Text)!.Winner);
    }

    [Fact]
    public async Task Keeps_a_on_a_tie()
    {
        var image = SketchAgentTests.Clean("Exactly 1 green bus.");

        var reply = await Compare(image, image);

        var verdict = ComparisonParser.TryParse(reply.Text)!;
        Assert.Equal(ComparisonChoice.A, verdict.Winner);
        Assert.Contains("equally", verdict.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefers_fewer_issues_when_both_fail()
    {
        var oneIssue = SketchAgentTests.Clean("Exactly 2 red clocks.");
        var twoIssues = SketchAgentTests.Clean("Exactly 2 blue clocks.");

        Assert.Equal(ComparisonChoice.B, ComparisonParser.TryParse((await Compare(twoIssues, oneIssue)).Text)!.Winner);
        Assert.Equal(ComparisonChoice.A, ComparisonParser.TryParse((await Compare(oneIssue, twoIssues)).Text)!.Winner);
    }

    private static Task<ChatResponse> Compare(byte[] a, byte[] b) => new SketchAgent().GetResponseAsync(
    [
        new ChatMessage(ChatRole.System, PairwiseJudgePrompt.SystemText),
        new ChatMessage(ChatRole.User,
        [
            new TextContent($"Prompt: {Prompt}\n{PairwiseJudgePrompt.ImageALabel}"),
            new DataContent(a, "image/png"),
            new TextContent(PairwiseJudgePrompt.ImageBLabel),
            new DataContent(b, "image/png"),
            new TextContent("Which image follows the prompt better, A or B?"),
        ]),
    ]);
}

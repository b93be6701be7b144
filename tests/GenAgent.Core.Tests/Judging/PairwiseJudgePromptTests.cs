using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Tests.Judging;

public sealed class PairwiseJudgePromptTests
{
    [Fact]
    public void Shows_the_prompt_then_image_a_then_image_b()
    {
        var a = new ImageRef("sessions/s-c0/turn-00.png", 64, 64);
        var b = new ImageRef("sessions/s-c1/turn-00.png", 64, 64);

        var messages = PairwiseJudgePrompt.Messages("  two red buses ", a, b);

        Assert.Equal([ConversationMessage.SystemRole, ConversationMessage.UserRole], messages.Select(m => m.Role));
        Assert.StartsWith(PairwiseJudgePrompt.Marker, messages[0].Parts[0].Text, StringComparison.Ordinal);
        Assert.Contains("<answer>A</answer>", messages[0].Parts[0].Text, StringComparison.Ordinal);
        var parts = messages[1].Parts;
        Assert.Equal("Prompt: two red buses\nImage A:", parts[0].Text);
        Assert.Equal(a, parts[1].Image);
        Assert.Equal(PairwiseJudgePrompt.ImageBLabel, parts[2].Text);
        Assert.Equal(b, parts[3].Image);
        Assert.Contains("A or B", parts[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_correction_restates_the_answer_format_and_the_parser_reads_it()
    {
        var text = PairwiseJudgePrompt.Correction().Parts[0].Text!;

        Assert.Contains("<answer>A</answer>", text, StringComparison.Ordinal);
        Assert.Contains("<answer>B</answer>", text, StringComparison.Ordinal);
    }
}

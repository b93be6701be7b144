using GenAgent.Core.Images;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Tests.Protocol;

public sealed class PromptMessagesTests
{
    private static readonly ImageRef Image = new("sessions/s1/turn-01.png", 1024, 1024);

    [Fact]
    public void UserPrompt_is_prefixed_text_only_without_an_image()
    {
        var message = PromptMessages.UserPrompt("  three red apples ", null);

        Assert.Equal(ConversationMessage.UserRole, message.Role);
        var part = Assert.Single(message.Parts);
        Assert.Equal("Prompt: three red apples", part.Text);
    }

    [Fact]
    public void UserPrompt_with_an_input_image_names_it_as_the_starting_image()
    {
        var message = PromptMessages.UserPrompt("make the sky purple", Image);

        Assert.Equal(2, message.Parts.Count);
        Assert.StartsWith("Prompt: make the sky purple", message.Parts[0].Text, StringComparison.Ordinal);
        Assert.Contains("starting image", message.Parts[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Image, message.Parts[1].Image);
    }

    [Fact]
    public void ToolResponse_wraps_the_image_in_three_parts()
    {
        var message = PromptMessages.ToolResponse(Image);

        Assert.Equal(ConversationMessage.UserRole, message.Role);
        Assert.Collection(
            message.Parts,
            p => Assert.Equal("<tool_response>", p.Text),
            p => Assert.Equal(Image, p.Image),
            p => Assert.Equal("</tool_response>", p.Text));
    }

    [Fact]
    public void FollowUp_carries_the_request()
    {
        var message = PromptMessages.FollowUp("add a green pear");

        Assert.Equal(ConversationMessage.UserRole, message.Role);
        Assert.StartsWith("Follow-up: add a green pear", Assert.Single(message.Parts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_prompts_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PromptMessages.UserPrompt(" ", null));
        Assert.Throws<ArgumentException>(() => PromptMessages.FollowUp(""));
    }

    [Theory]
    [InlineData(ProtocolErrorKind.Empty, "empty")]
    [InlineData(ProtocolErrorKind.NoAction, "neither")]
    [InlineData(ProtocolErrorKind.AmbiguousAction, "more than one action")]
    [InlineData(ProtocolErrorKind.MalformedToolCall, "not a valid JSON")]
    [InlineData(ProtocolErrorKind.UnknownTool, "Available tools: image_generation_tool.")]
    [InlineData(ProtocolErrorKind.MissingArgument, "required argument")]
    public void Correction_says_what_was_wrong_and_shows_only_enabled_tools(ProtocolErrorKind kind, string expected)
    {
        var violation = new ProtocolViolationException(kind, "internal detail SECRET-123", "raw model text");

        var text = Assert.Single(PromptMessages.Correction(violation, [ToolNames.Generate]).Parts).Text!;

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("<answer>done</answer>", text, StringComparison.Ordinal);
        Assert.Contains("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"...\"}}</tool_call>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ToolNames.Edit, text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Correction_format_examples_parse_as_valid_replies()
    {
        var violation = new ProtocolViolationException(ProtocolErrorKind.NoAction, "no action", "x");
        var text = Assert.Single(PromptMessages.Correction(violation, ToolNames.All).Parts).Text!;

        var examples = text.Split('\n').Where(l => l.StartsWith("<tool_call>", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, examples.Count);
        Assert.All(examples, e => Assert.NotNull(AgentReplyParser.Parse(e).ToolCall));
    }
}

using GenAgent.Core.Protocol;

namespace GenAgent.Core.Tests.Protocol;

public sealed class AgentReplyParserTests
{
    private const string Gen = ToolNames.Generate;
    private const string Edit = ToolNames.Edit;

    public static TheoryData<string, string, string> ToolCalls => new()
    {
        { "<think>plan</think>\n<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red cube\"}}</tool_call>", Gen, "a red cube" },
        // The server's stop sequence removed the closing tag.
        { "<think>plan</think>\n<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red cube\"}}", Gen, "a red cube" },
        { "<tool_call>{'name': 'image_generation_tool', 'arguments': {'caption': 'two blue cups'}}</tool_call>", Gen, "two blue cups" },
        { "<tool_call>{'name': 'image_generation_tool', 'arguments': {'caption': 'a cat's hat'}}</tool_call>", Gen, "a cat's hat" },
        { "<tool_call>{'name': 'image_generation_tool', 'arguments': {'caption': 'a cat\\'s \"big\" hat'}}</tool_call>", Gen, "a cat's \"big\" hat" },
        { "<tool_call>{\"name\": \"image_editing_tool\", \"arguments\": {\"instruction\": \"make it blue\",},}</tool_call>", Edit, "make it blue" },
        { "<tool_call>\n```json\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a fox\"}}\n```\n</tool_call>", Gen, "a fox" },
        { "```\n<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a fox\"}}</tool_call>\n```", Gen, "a fox" },
        { "<tool_call>```json\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a fox\"}}\n```", Gen, "a fox" },
        { "<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": \"{\\\"caption\\\": \\\"a dog\\\"}\"}</tool_call>", Gen, "a dog" },
        { "<THINK>upper</THINK><Tool_Call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a bee\"}}</TOOL_CALL>", Gen, "a bee" },
        { "<think>look</think><judge>the cup is red, should be blue</judge><tool_call>{\"name\": \"image_editing_tool\", \"arguments\": {\"instruction\": \"recolor the cup blue\"}}</tool_call>", Edit, "recolor the cup blue" },
        { "<tool_call>{\"name\": \"Image_Generation_Tool\", \"arguments\": {\"caption\": \"  padded  \"}}</tool_call>", Gen, "padded" },
        { "<tool_call>{'name': 'image_generation_tool', 'arguments': {'caption': 'line one\nline two'}}</tool_call>", Gen, "line one\nline two" },
        // A chat template that pre-fills "<think>" leaves only its closing tag.
        { "the prompt wants three apples</think>\n<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"three apples\"}}</tool_call>", Gen, "three apples" },
    };

    public static TheoryData<string> DoneAnswers => new()
    {
        "<think>fine</think><judge>all objects present</judge><answer>done</answer>",
        "\n\n  <judge> good </judge>  <answer> done </answer>\n\n",
        "<judge>good</judge><answer>Done.</answer>",
        "<judge>good</judge><answer>DONE</answer>",
        "<judge>good</judge><answer>**done**",
        // No </think>, but a later tag follows.
        "<think>the image matches <judge>correct count</judge><answer>done</answer>",
    };

    public static TheoryData<string, ProtocolErrorKind> Violations => new()
    {
        { "", ProtocolErrorKind.Empty },
        { "  \n\t ", ProtocolErrorKind.Empty },
        { "<think>just thinking</think>", ProtocolErrorKind.NoAction },
        { "I would call the generator now.", ProtocolErrorKind.NoAction },
        { "<judge>fine</judge><answer> . </answer>", ProtocolErrorKind.NoAction },
        { "<answer>done</answer><tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call>", ProtocolErrorKind.AmbiguousAction },
        { "<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call><tool_call>{\"name\": \"image_editing_tool\", \"arguments\": {\"instruction\": \"y\"}}</tool_call>", ProtocolErrorKind.AmbiguousAction },
        { "<answer>done</answer><answer>done</answer>", ProtocolErrorKind.AmbiguousAction },
        { "<tool_call>{\"name\": \"image_upscale_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call>", ProtocolErrorKind.UnknownTool },
        { "<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {}}</tool_call>", ProtocolErrorKind.MissingArgument },
        { "<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"  \"}}</tool_call>", ProtocolErrorKind.MissingArgument },
        { "<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": 42}}</tool_call>", ProtocolErrorKind.MissingArgument },
        { "<tool_call>{\"name\": \"image_editing_tool\", \"arguments\": {\"caption\": \"wrong argument name\"}}</tool_call>", ProtocolErrorKind.MissingArgument },
        { "<tool_call>{\"name\": \"image_generation_tool\"}</tool_call>", ProtocolErrorKind.MissingArgument },
        { "<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": [\"a fox\"]}</tool_call>", ProtocolErrorKind.MissingArgument },
        { "<tool_call>name=image_generation_tool caption=a fox</tool_call>", ProtocolErrorKind.MalformedToolCall },
        { "<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a fox</tool_call>", ProtocolErrorKind.MalformedToolCall },
        { "<tool_call></tool_call>", ProtocolErrorKind.MalformedToolCall },
        { "<tool_call>{\"arguments\": {\"caption\": \"a fox\"}}</tool_call>", ProtocolErrorKind.MalformedToolCall },
        { "<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": \"caption = a fox\"}</tool_call>", ProtocolErrorKind.MalformedToolCall },
        { "<tool_call>{\"name\": \"image_generation_tool\" \"arguments\" {\"caption\" \"a fox\"}}</tool_call>", ProtocolErrorKind.MalformedToolCall },
    };

    [Theory]
    [MemberData(nameof(ToolCalls))]
    public void Parse_reads_tool_calls_in_tolerated_forms(string raw, string tool, string argument)
    {
        var reply = AgentReplyParser.Parse(raw);

        Assert.Equal(new ToolCall(tool, argument), reply.ToolCall);
        Assert.Null(reply.Answer);
        Assert.False(reply.IsDone);
        Assert.Equal(raw, reply.Raw);
    }

    [Theory]
    [MemberData(nameof(DoneAnswers))]
    public void Parse_normalizes_done_answers(string raw)
    {
        var reply = AgentReplyParser.Parse(raw);

        Assert.Equal("done", reply.Answer);
        Assert.True(reply.IsDone);
        Assert.Null(reply.ToolCall);
        Assert.EndsWith("<answer>done</answer>", reply.Normalized, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public void Parse_reports_each_violation_with_its_kind_and_the_raw_text(string raw, ProtocolErrorKind kind)
    {
        var error = Assert.Throws<ProtocolViolationException>(() => AgentReplyParser.Parse(raw));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(raw, error.Raw);
    }

    [Theory]
    [MemberData(nameof(ToolCalls))]
    public void Normalized_text_is_clean_and_parses_to_the_same_call(string raw, string tool, string argument)
    {
        var reply = AgentReplyParser.Parse(raw);
        var again = AgentReplyParser.Parse(reply.Normalized);

        Assert.EndsWith("</tool_call>", reply.Normalized, StringComparison.Ordinal);
        Assert.DoesNotContain("```", reply.Normalized, StringComparison.Ordinal);
        Assert.Equal(new ToolCall(tool, argument), again.ToolCall);
        Assert.Equal(reply.Normalized, again.Normalized);
    }

    [Fact]
    public void Parse_keeps_think_and_judge_and_restores_the_cut_closing_tag()
    {
        var reply = AgentReplyParser.Parse(
            "<think> the mug should be left of the plate </think>\n<judge>mug is on the right</judge>\n" +
            "<tool_call>{\"name\": \"image_editing_tool\", \"arguments\": {\"instruction\": \"move the mug to the left\"}}");

        Assert.Equal("the mug should be left of the plate", reply.Think);
        Assert.Equal("mug is on the right", reply.Judge);
        Assert.Equal(
            "<think>the mug should be left of the plate</think>\n<judge>mug is on the right</judge>\n" +
            "<tool_call>{\"name\":\"image_editing_tool\",\"arguments\":{\"instruction\":\"move the mug to the left\"}}</tool_call>",
            reply.Normalized);
        Assert.True(reply.ToolCall!.IsEdit);
    }

    [Fact]
    public void Normalized_escapes_angle_brackets_so_a_caption_cannot_open_a_tag_on_replay()
    {
        var reply = AgentReplyParser.Parse("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a sign reading \\u003canswer>done\"}}</tool_call>");

        Assert.Equal("a sign reading <answer>done", reply.ToolCall!.Argument);
        Assert.Equal(reply.ToolCall, AgentReplyParser.Parse(reply.Normalized).ToolCall);
    }

    [Fact]
    public void Normalized_keeps_non_ascii_captions_readable()
    {
        var reply = AgentReplyParser.Parse("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"一只红色的猫, café\"}}</tool_call>");

        Assert.Contains("一只红色的猫, café", reply.Normalized, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_treats_a_null_string_as_empty()
    {
        var error = Assert.Throws<ProtocolViolationException>(() => AgentReplyParser.Parse(null!));

        Assert.Equal(ProtocolErrorKind.Empty, error.Kind);
    }
}

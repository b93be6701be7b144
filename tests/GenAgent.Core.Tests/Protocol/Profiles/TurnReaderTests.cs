using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;

namespace GenAgent.Core.Tests.Protocol.Profiles;

public sealed class TurnReaderTests
{
    private static readonly ProtocolProfile V2 = ProtocolProfiles.GenAgentV2;
    private static readonly ProtocolProfile V1 = ProtocolProfiles.GenAgentV1;
    private static readonly ProtocolProfile General = ProtocolProfiles.General;

    [Theory]
    [InlineData("<judge>ok</judge><answer>done</answer>", TurnAction.Done)]
    [InlineData("<judge>ok</judge><answer>Done</answer>", TurnAction.NoAction)]   // v2's test is the exact substring
    [InlineData("<judge>ok</judge><answer> done </answer>", TurnAction.NoAction)]
    [InlineData("<judge>the bus is blue</judge>", TurnAction.NoAction)]
    [InlineData("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}", TurnAction.Tool)]
    [InlineData("<tool_call>{'name': 'image_editing_tool', 'arguments': {'instruction': 'x'}}", TurnAction.Tool)]
    [InlineData("<tool_call>{\"name\": \"image_upscaling_tool\", \"arguments\": {\"caption\": \"x\"}}", TurnAction.Invalid)]
    [InlineData("<tool_call>not json at all", TurnAction.Invalid)]
    [InlineData("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}\n<answer>done</answer>", TurnAction.Invalid)] // unclosed: the answer is inside the JSON
    [InlineData("<Tool_Call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}", TurnAction.NoAction)]
    public void V2_follows_the_reference_tests(string raw, TurnAction expected) => Assert.Equal(expected, TurnReader.Read(V2, raw).Action);

    [Fact]
    public void V2_keeps_the_raw_text_and_a_tool_call_with_a_stop_ends_after_the_tool()
    {
        // The server stops at </tool_call>, so a stop can only come before the call; the reference still runs the call first.
        const string raw = "<think>a</think>\n<answer>done</answer>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a bus\"}}\n";
        var reading = TurnReader.Read(V2, raw);
        Assert.Equal(TurnAction.Tool, reading.Action);
        Assert.Equal(raw, reading.History);
        Assert.True(reading.StopsAfterTool);
        Assert.Equal("a bus", reading.Reply!.ToolCall!.Argument);
        Assert.Equal("a", reading.Think);
    }

    [Fact]
    public void V2_appends_a_reply_without_action_and_v1_appends_nothing()
    {
        Assert.Equal("<judge>meh</judge>", TurnReader.Read(V2, "<judge>meh</judge>").History);
        Assert.Null(TurnReader.Read(V1, "<judge>meh</judge>").History);
    }

    [Theory]
    [InlineData("<judge>fine</judge><answer>anything</answer>", TurnAction.Done)]  // any </answer>
    [InlineData("<tool_call>{\"name\": \"whatever\", \"arguments\": {\"caption\": \"x\"}}", TurnAction.Tool)] // the name is not read
    [InlineData("<tool_call>{'name': 'image_generation_tool', 'arguments': {'caption': 'x'}}", TurnAction.Invalid)] // strict JSON
    [InlineData("<tool_call>{\"arguments\": {\"instruction\": \"x\"}}", TurnAction.Invalid)]
    public void V1_follows_the_reference_tests(string raw, TurnAction expected) => Assert.Equal(expected, TurnReader.Read(V1, raw).Action);

    [Fact]
    public void V1_history_is_the_trimmed_reply_plus_the_closing_tag()
    {
        var reading = TurnReader.Read(V1, "  <think>x</think><tool_call>\n{\"arguments\": {\"caption\": \"a bus\"}}\n ");
        Assert.Equal("<think>x</think><tool_call>\n{\"arguments\": {\"caption\": \"a bus\"}}</tool_call>", reading.History);
        Assert.Equal(ToolNames.Generate, reading.Reply!.ToolCall!.Name);
    }

    [Fact]
    public void General_reads_tolerantly_and_puts_back_the_normalized_text()
    {
        var reading = TurnReader.Read(General, "<think>x<judge>ok</judge><answer> Done. </answer>");
        Assert.Equal(TurnAction.Done, reading.Action);
        Assert.Equal("<think>x</think>\n<judge>ok</judge>\n<answer>done</answer>", reading.History);
        Assert.Equal(TurnAction.Invalid, TurnReader.Read(General, "no tags at all").Action);
    }
}

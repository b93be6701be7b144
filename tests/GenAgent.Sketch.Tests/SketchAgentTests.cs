using System.Text.RegularExpressions;
using GenAgent.Core.Protocol;
using GenAgent.Sketch;
using GenAgent.Core.Tools;
using Microsoft.Extensions.AI;

namespace GenAgent.Sketch.Tests;

public sealed partial class SketchAgentTests
{
    private const string BothTools = "You may call these tools: <tools>[{\"name\": \"image_generation_tool\"}, {\"name\": \"image_editing_tool\"}]</tools>";
    private const string GenerateOnly = "You may call these tools: <tools>[{\"name\": \"image_generation_tool\"}]</tools>";

    [Fact]
    public async Task First_turn_thinks_then_calls_the_generator_with_an_explicit_caption()
    {
        var reply = await Reply([System(BothTools), Prompt("A photo of three white boats and one green hot dogs")]);

        Assert.Matches(FirstTurn(), reply.Text);
        var parsed = AgentReplyParser.Parse(reply.Text);
        Assert.Equal(ToolNames.Generate, parsed.ToolCall!.Name);
        var caption = parsed.ToolCall.Argument;
        Assert.Contains("Exactly 3 white boats", caption, StringComparison.Ordinal);
        Assert.Equal(CaptionParser.Parse("A photo of three white boats and one green hot dogs").Groups, CaptionParser.Parse(caption).Groups);
        Assert.True(reply.Usage!.OutputTokenCount > 0);
    }

    [Fact]
    public async Task Stop_sequence_leaves_the_closing_tag_off()
    {
        var reply = await new SketchAgent().GetResponseAsync([System(BothTools), Prompt("a cat")], new ChatOptions { StopSequences = ["</tool_call>"] });

        Assert.DoesNotContain("</tool_call>", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("}}", reply.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(ToolNames.Generate, AgentReplyParser.Parse(reply.Text + "</tool_call>").ToolCall!.Name);
    }

    [Fact]
    public async Task Says_done_on_a_correct_image()
    {
        var png = Clean("Exactly 2 red cars. Exactly 1 blue dog.");

        var reply = await Reply([System(BothTools), Prompt("two red cars and a blue dog"), Assistant("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call>"), ToolResponse(png)]);

        var parsed = AgentReplyParser.Parse(reply.Text);
        Assert.True(parsed.IsDone);
        Assert.Matches(@"^<think>[\s\S]+</think>\s*<judge>[\s\S]+</judge>\s*<answer>done</answer>$", reply.Text);
    }

    [Fact]
    public async Task Edits_a_single_flaw_when_editing_is_enabled()
    {
        var png = Clean("Exactly 2 red cars. Exactly 1 green dog.");

        var reply = await Reply([System(BothTools), Prompt("two red cars and a blue dog"), Assistant("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call>"), ToolResponse(png)]);

        var call = AgentReplyParser.Parse(reply.Text).ToolCall!;
        Assert.Equal(ToolNames.Edit, call.Name);
        var instruction = call.Argument;
        var edited = SketchEditor.Edit(png, instruction, 512, 512, 0, 0, out _);
        Assert.True(SketchJudge.Judge(edited, Checklist.FromPrompt("two red cars and a blue dog")).Passed, instruction);
    }

    [Fact]
    public async Task Regenerates_when_editing_is_not_offered()
    {
        var png = Clean("Exactly 2 red cars. Exactly 1 green dog.");

        var reply = await Reply([System(GenerateOnly), Prompt("two red cars and a blue dog"), Assistant("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call>"), ToolResponse(png)]);

        Assert.DoesNotContain(ToolNames.Edit, reply.Text, StringComparison.Ordinal);
        Assert.Equal(ToolNames.Generate, AgentReplyParser.Parse(reply.Text).ToolCall!.Name);
    }

    [Fact]
    public async Task Regenerates_on_a_wrong_layout()
    {
        var png = Clean("Exactly 1 bus, in the right half of the image. Exactly 1 dog, in the left half of the image.");

        var reply = await Reply([System(BothTools), Prompt("a bus on the left and a dog on the right"), Assistant("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call>"), ToolResponse(png)]);

        var parsed = AgentReplyParser.Parse(reply.Text);
        Assert.Equal(ToolNames.Generate, parsed.ToolCall!.Name);
        Assert.Contains("left half", parsed.Judge + parsed.Think, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_becomes_an_edit_and_the_next_check_uses_it()
    {
        var png = Clean("Exactly 1 red bus.");
        var history = new List<ChatMessage> { System(BothTools), Prompt("a red bus"), Assistant("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call>"), ToolResponse(png), Assistant("<judge>ok</judge><answer>done</answer>"), new(ChatRole.User, "make the bus green") };

        var reply = await Reply(history);
        var call = AgentReplyParser.Parse(reply.Text).ToolCall!;
        Assert.Equal(ToolNames.Edit, call.Name);

        var edited = SketchEditor.Edit(png, call.Argument, 512, 512, 0, 0, out _);
        history.AddRange([Assistant(reply.Text), ToolResponse(edited)]);
        var verdict = await Reply(history);
        Assert.True(AgentReplyParser.Parse(verdict.Text).IsDone, verdict.Text);
    }

    [Fact]
    public async Task Streaming_yields_the_same_text()
    {
        var messages = new List<ChatMessage> { System(BothTools), Prompt("three clocks") };
        var text = string.Concat(await new SketchAgent().GetStreamingResponseAsync(messages).Select(u => u.Text).ToListAsync());

        Assert.Equal((await Reply(messages)).Text, text);
    }

    [Fact]
    public async Task At_a_temperature_it_sometimes_takes_the_other_decision_and_a_replayed_turn_gets_the_same_reply()
    {
        var decisions = new List<bool>();
        for (var cars = 1; cars <= 8; cars++)
        {
            foreach (var color in new[] { "red", "blue", "green" })
            {
                var prompt = $"{cars} {color} cars";
                List<ChatMessage> turn = [System(BothTools), Prompt(prompt), Assistant("<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"x\"}}</tool_call>"), ToolResponse(Clean($"Exactly {cars} {color} cars."))];

                var greedy = await Reply(turn);
                var sampled = await new SketchAgent().GetResponseAsync(turn, new ChatOptions { Temperature = 2f });
                var again = await new SketchAgent().GetResponseAsync(turn, new ChatOptions { Temperature = 2f });

                Assert.True(AgentReplyParser.Parse(greedy.Text).IsDone, $"{prompt}: the greedy agent stops on a correct image");
                Assert.Equal(sampled.Text, again.Text);
                decisions.Add(AgentReplyParser.Parse(sampled.Text).IsDone);
            }
        }

        // Half the turns flip at temperature 2: some of 24 correct images get another try, most still stop.
        Assert.Contains(false, decisions);
        Assert.Contains(true, decisions);
        Assert.Equal(0.5, SketchAgent.FlipChance(2f));
        Assert.Equal(0, SketchAgent.FlipChance(0f));
    }

    internal static byte[] Clean(string caption) => SketchGenerator.Render(CaptionParser.Parse(caption), caption, 512, 512, 2, withMistakes: false, out _);

    private static Task<ChatResponse> Reply(IEnumerable<ChatMessage> messages) => new SketchAgent().GetResponseAsync(messages);

    private static ChatMessage System(string text) => new(ChatRole.System, text);

    private static ChatMessage Prompt(string text) => new(ChatRole.User, "Prompt: " + text);

    private static ChatMessage Assistant(string text) => new(ChatRole.Assistant, text);

    private static ChatMessage ToolResponse(byte[] png) =>
        new(ChatRole.User, [new TextContent("<tool_response>"), new DataContent(png, "image/png"), new TextContent("</tool_response>")]);

    [GeneratedRegex("^<think>\\n[^<]+\\n</think>\\n<tool_call>\\n\\{\"name\": \"image_generation_tool\", \"arguments\": \\{\"caption\": \"[^\"]+\"\\}\\}\\n</tool_call>$")]
    private static partial Regex FirstTurn();
}

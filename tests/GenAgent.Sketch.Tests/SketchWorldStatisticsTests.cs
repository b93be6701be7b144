using GenAgent.Core.Benchmarks;
using GenAgent.Core.Protocol;
using GenAgent.Sketch;
using GenAgent.Core.Tools;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace GenAgent.Sketch.Tests;

/// <summary>Pass rates over GenEval++ (not timed): the agent's explicit caption must beat the raw prompt clearly.</summary>
public sealed class SketchWorldStatisticsTests(ITestOutputHelper output)
{
    private const int Side = 256;

    [Fact]
    public async Task Explicit_captions_pass_clearly_more_often_than_raw_prompts()
    {
        var items = BenchmarkSet.Load(BenchmarkFiles.GenEvalPlusPlus);
        var generator = new SketchGenerator();
        var rows = new List<(string Tag, bool Raw, bool Explicit, bool Agent)>();
        foreach (var item in items)
        {
            var checklist = Checklist.FromBenchmark(item);
            var raw = await generator.GenerateAsync(new GenerationRequest(item.Prompt, Side, Side, 0));
            var caption = CaptionWriter.Write(Checklist.FromPrompt(item.Prompt), 0);
            var explicitImage = await generator.GenerateAsync(new GenerationRequest(caption, Side, Side, 0));
            var final = await RunAgent(item.Prompt);
            rows.Add((item.Tag, SketchJudge.Judge(raw.Png, checklist).Passed, SketchJudge.Judge(explicitImage.Png, checklist).Passed, SketchJudge.Judge(final, checklist).Passed));
        }

        foreach (var tag in rows.GroupBy(r => r.Tag))
        {
            output.WriteLine($"{tag.Key,-24} raw {Rate(tag, r => r.Raw):F3}  explicit {Rate(tag, r => r.Explicit):F3}  agent {Rate(tag, r => r.Agent):F3}");
        }

        var byTag = rows.GroupBy(r => r.Tag).ToList();
        var rawOverall = byTag.Average(t => Rate(t, r => r.Raw));
        var explicitOverall = byTag.Average(t => Rate(t, r => r.Explicit));
        var agentOverall = byTag.Average(t => Rate(t, r => r.Agent));
        output.WriteLine($"overall (mean of tags)    raw {rawOverall:F3}  explicit {explicitOverall:F3}  agent {agentOverall:F3}");

        Assert.True(explicitOverall > rawOverall + 0.15, $"raw {rawOverall:F3}, explicit {explicitOverall:F3}");
        Assert.True(agentOverall >= explicitOverall, $"explicit {explicitOverall:F3}, agent {agentOverall:F3}");
    }

    private static double Rate<T>(IEnumerable<T> rows, Func<T, bool> passed) => rows.Average(r => passed(r) ? 1.0 : 0.0);

    /// <summary>The agent loop with both tools and at most 3 images, like the released v2 client.</summary>
    private static async Task<byte[]> RunAgent(string prompt)
    {
        var agent = new SketchAgent();
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, $"<tools>[{{\"name\": \"{ToolNames.Generate}\"}}, {{\"name\": \"{ToolNames.Edit}\"}}]</tools>"),
            new(ChatRole.User, "Prompt: " + prompt),
        };
        byte[]? latest = null;
        for (var images = 0; images < 3; images++)
        {
            var reply = AgentReplyParser.Parse((await agent.GetResponseAsync(messages)).Text);
            if (reply.IsDone)
            {
                break;
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, reply.Normalized));
            latest = reply.ToolCall!.IsEdit
                ? (await new SketchEditor().EditAsync(new EditRequest(reply.ToolCall.Argument, latest!, Side, Side, images))).Png
                : (await new SketchGenerator().GenerateAsync(new GenerationRequest(reply.ToolCall.Argument, Side, Side, 0))).Png;
            messages.Add(new ChatMessage(ChatRole.User, [new TextContent("<tool_response>"), new DataContent(latest, "image/png"), new TextContent("</tool_response>")]));
        }

        return latest!;
    }
}

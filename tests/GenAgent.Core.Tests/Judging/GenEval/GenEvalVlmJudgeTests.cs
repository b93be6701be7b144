using System.Text.Json;
using GenAgent.Core.Benchmarks;
using GenAgent.Core.Configuration;
using GenAgent.Core.Judging;
using GenAgent.Core.Judging.GenEval;
using GenAgent.Core.Tests.Backends;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Core.Tests.Judging.GenEval;

/// <summary>The judge over real HTTP: an OpenAI-compatible stand-in on loopback that records what the judge sends.</summary>
public sealed class GenEvalVlmJudgeTests
{
    private static readonly BenchmarkItem SixClocks = BenchmarkSet.Load(BenchmarkFiles.GenEvalPlusPlus).First(i => i.Prompt == "A photo of six clocks");

    private static Task Reply(HttpContext context, string content) => StubServer.WriteAsync(context, 200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "gpt-4.1",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
    }));

    private static async Task<(ImageVerdict Verdict, StubServer Server)> JudgeAsync(Func<int, RecordedRequest, HttpContext, Task> handler)
    {
        var server = await StubServer.StartAsync(handler);
        var options = new GenAgentOptions { Judge = new JudgeOptions { BaseUrl = new Uri(server.Root, "v1").ToString(), Model = "gpt-4.1" } };
        using var provider = GenAgentServiceCollectionExtensions
            .AddGenAgentCore(new ServiceCollection(), options, resilience => resilience.Retry.Delay = TimeSpan.FromMilliseconds(10))
            .BuildServiceProvider();
        var judge = new GenEvalVlmJudge(provider.GetRequiredService<JudgeChatClient>().Client);
        return (await judge.JudgeAsync(TestImages.Png(), new JudgeRequest(SixClocks.Prompt, SixClocks)), server);
    }

    [Fact]
    public async Task Sends_the_rules_the_checklist_and_a_jpeg_at_temperature_0_and_reads_a_fenced_verdict_after_a_429()
    {
        var (verdict, server) = await JudgeAsync((n, _, context) => n == 1
            ? StubServer.WriteAsync(context, 429, "slow down", "text/plain")
            : Reply(context, "```json\n{\"correct\": 1, \"reason\": \"six clocks, photo-like\"}\n```"));
        await using var stub = server;

        Assert.True(verdict.Pass);
        Assert.Equal(GenEvalVlmJudge.JudgeName, verdict.Judge);
        Assert.Equal("six clocks, photo-like", Assert.Single(verdict.Checks).Found);
        Assert.Equal(2, server.Requests.Count);
        var body = server.Requests.Last().Json;
        Assert.Equal("gpt-4.1", body.GetProperty("model").GetString());
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        var budget = body.TryGetProperty("max_completion_tokens", out var cap) ? cap : body.GetProperty("max_tokens");
        Assert.Equal(GenEvalVlmJudge.MaxReplyTokens, budget.GetInt32());
        Assert.False(body.TryGetProperty("stop", out var stop), "a judge reply has no tool call to stop at");
        var messages = body.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Contains("photo-like", messages[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        var parts = messages[1].GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(GenEvalChecklist.Text(SixClocks.Prompt, SixClocks), parts[0].GetProperty("text").GetString());
        var url = parts[1].GetProperty("image_url").GetProperty("url").GetString()!;
        Assert.StartsWith("data:image/jpeg;base64,", url, StringComparison.Ordinal);
        var jpeg = Convert.FromBase64String(url["data:image/jpeg;base64,".Length..]);
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
    }

    [Fact]
    public async Task A_reply_without_a_verdict_counts_as_wrong_and_says_so()
    {
        var (verdict, server) = await JudgeAsync((_, _, context) => Reply(context, "I think the image looks great!"));
        await using var stub = server;

        Assert.False(verdict.Pass);
        var check = Assert.Single(verdict.Checks);
        Assert.False(check.Pass);
        Assert.StartsWith("no verdict in the reply, counted as wrong", check.Found, StringComparison.Ordinal);
        Assert.Equal("- 6 clocks. - No more than 6 clocks.", check.Expected);
    }
}

using System.Text.Json;
using GenAgent.Core.Configuration;
using GenAgent.Core.Judging;
using GenAgent.Core.Judging.Wise;
using GenAgent.Core.Tests.Backends;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Core.Tests.Judging.Wise;

/// <summary>Both WISE judges over real HTTP, against an OpenAI-compatible stand-in on loopback.</summary>
public sealed class WiseJudgeTests
{
    private static readonly JudgeRequest Tower = new("The tallest iron tower in Paris at dusk", Explanation: "The Eiffel Tower at dusk");

    private static Task Reply(HttpContext context, string content) => StubServer.WriteAsync(context, 200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "judge",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 900, completion_tokens = 12, total_tokens = 912 },
    }));

    private static async Task<(ImageVerdict Verdict, StubServer Server)> JudgeAsync(Func<IChatClient, IImageJudge> create, Func<int, RecordedRequest, HttpContext, Task> handler)
    {
        var server = await StubServer.StartAsync(handler);
        var options = new GenAgentOptions { Judge = new JudgeOptions { BaseUrl = new Uri(server.Root, "v1").ToString(), Model = "judge" } };
        using var provider = GenAgentServiceCollectionExtensions
            .AddGenAgentCore(new ServiceCollection(), options, resilience => resilience.Retry.Delay = TimeSpan.FromMilliseconds(10))
            .BuildServiceProvider();
        var judge = create(provider.GetRequiredService<JudgeChatClient>().Client);
        return (await judge.JudgeAsync(TestImages.Png(), Tower), server);
    }

    [Fact]
    public async Task Legacy_sends_prompt_and_explanation_with_a_jpeg_at_temperature_0_retries_a_503_and_scores_the_wiscore()
    {
        var (verdict, server) = await JudgeAsync(c => new WiseLegacyJudge(c), (n, _, context) => n == 1
            ? StubServer.WriteAsync(context, 503, "busy", "text/plain")
            : Reply(context, "Consistency: 2\nRealism: 1\nAesthetic Quality: 1"));
        await using var stub = server;

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((0.7 * 2 + 0.2 * 1 + 0.1 * 1) / 2, verdict.Score!.Value, 9);
        Assert.Equal(verdict.Score.Value, verdict.Value);
        Assert.True(verdict.Pass);
        Assert.False(verdict.Unparsed);
        Assert.Equal((900, 12), (verdict.InputTokens, verdict.OutputTokens));
        var body = server.Requests.Last().Json;
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        var parts = body.GetProperty("messages")[1].GetProperty("content").EnumerateArray().ToList();
        Assert.Equal("PROMPT: The tallest iron tower in Paris at dusk\nEXPLANATION: The Eiffel Tower at dusk", parts[0].GetProperty("text").GetString());
        Assert.StartsWith("data:image/jpeg;base64,", parts[1].GetProperty("image_url").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("Aesthetic Quality", body.GetProperty("messages")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_marks_a_reply_without_three_ratings_unparsed_and_scores_it_0()
    {
        var (verdict, server) = await JudgeAsync(c => new WiseLegacyJudge(c), (_, _, context) => Reply(context, "Consistency: 2. Looks right!"));
        await using var stub = server;

        Assert.True(verdict.Unparsed);
        Assert.Equal(0, verdict.Value);
        Assert.Contains("rejects such a run", Assert.Single(verdict.Checks).Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The tower is clearly the Eiffel Tower.\nScore: 1", true, false)]
    [InlineData("Score: 1? No, on reflection the tower is wrong.\nScore: 0", false, false)]
    [InlineData("It is a tower.", false, true)]
    public async Task Verified_reads_the_last_score_line(string reply, bool pass, bool unparsed)
    {
        var (verdict, server) = await JudgeAsync(c => new WiseVerifiedJudge(c), (_, _, context) => Reply(context, reply));
        await using var stub = server;

        Assert.Equal(pass, verdict.Pass);
        Assert.Equal(pass ? 1 : 0, verdict.Value);
        Assert.Equal(unparsed, verdict.Unparsed);
        Assert.Null(verdict.Score);
    }
}

using GenAgent.Discord.Sessions.Tests.Flow;

namespace GenAgent.Discord.Sessions.Tests.Interactions;

/// <summary>
/// The Functions app makes the engine per request, so its handler starts the session before answering: when the
/// deferred answer arrives, the session is already in the engine and recorded.
/// </summary>
[Collection(DiscordCollection.Name)]
public sealed class PerRequestEngineTests(DiscordServer server)
{
    [Fact]
    public async Task The_session_exists_when_the_answer_arrives()
    {
        const string user = "1900000000000000001";

        var (status, ack) = await server.SendAsync(Flow.Interactions.Imagine(user, "a glass of water on a table", effort: "low"), DiscordServer.PerRequestEngineRoute);

        Assert.Equal(200, status);
        Assert.Equal(5, ack.GetProperty("type").GetInt32());
        var entry = Assert.Single((await server.Settings().GetSessionsAsync(user)).Entries);
        Assert.NotNull(await server.Engine.GetAsync(entry.SessionId));
        Assert.NotNull(await server.Links().GetAsync(entry.SessionId));
        await server.Engine.CancelAsync(entry.SessionId);
        await server.Engine.WaitForAsync(entry.SessionId, s => s.IsTerminal);
    }

    [Fact]
    public async Task A_start_that_fails_within_the_budget_is_the_ephemeral_answer_and_the_token_is_never_used_before_it()
    {
        var interaction = Flow.Interactions.Imagine("1900000000000000002", "a red kite over a beach", effort: "low");
        var token = interaction["token"]!.GetValue<string>();

        var (status, answer) = await server.SendAsync(interaction, DiscordServer.FailingStartRoute);

        Assert.Equal(200, status);
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("could not start the session", answer.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        // Nothing tried the interaction's token before the answer existed (Discord would have said 10015 Unknown Webhook).
        Assert.DoesNotContain(server.Fake.Requests, r => r.Path.Contains(token, StringComparison.Ordinal) && r.Path.StartsWith("/webhooks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_that_outlives_the_budget_is_answered_deferred_at_once_and_its_failure_lands_on_the_thinking_message()
    {
        var interaction = Flow.Interactions.Imagine("1900000000000000003", "a lighthouse in fog", effort: "low");
        var token = interaction["token"]!.GetValue<string>();
        var before = server.SlowFailingStart.Finished;

        var (status, answer) = await server.SendAsync(interaction, DiscordServer.SlowFailingStartRoute);

        // The answer did not wait for the 3 s start, which was still running when it arrived.
        Assert.Equal(200, status);
        Assert.Equal(5, answer.GetProperty("type").GetInt32());
        Assert.Equal(before, server.SlowFailingStart.Finished);
        var edit = await server.Fake.WaitForRequestAsync(
            r => r.Method == "PATCH" && r.Path.EndsWith($"/{token}/messages/@original", StringComparison.Ordinal) && r.Status == 200,
            TimeSpan.FromSeconds(20));
        Assert.Contains("could not start the session", edit.Json!.Value.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("could not start the session", (string?)server.Fake.OriginalFor(token)!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_works_through_the_per_request_handler_too()
    {
        var (status, pong) = await server.SendAsync(Flow.Interactions.Ping(), DiscordServer.PerRequestEngineRoute);

        Assert.Equal(200, status);
        Assert.Equal(1, pong.GetProperty("type").GetInt32());
    }
}

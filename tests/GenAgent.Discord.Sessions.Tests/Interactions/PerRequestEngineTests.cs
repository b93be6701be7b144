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
    public async Task Ping_works_through_the_per_request_handler_too()
    {
        var (status, pong) = await server.SendAsync(Flow.Interactions.Ping(), DiscordServer.PerRequestEngineRoute);

        Assert.Equal(200, status);
        Assert.Equal(1, pong.GetProperty("type").GetInt32());
    }
}

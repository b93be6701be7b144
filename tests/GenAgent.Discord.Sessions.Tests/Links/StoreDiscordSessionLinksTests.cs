using GenAgent.Core.Images;
using GenAgent.Discord.Sessions.Links;

namespace GenAgent.Discord.Sessions.Tests.Links;

public sealed class StoreDiscordSessionLinksTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("genagent-links-").FullName;
    private readonly LocalImageStore _store;

    public StoreDiscordSessionLinksTests() => _store = new LocalImageStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static DiscordSessionLink Link(string sessionId) => new()
    {
        SessionId = sessionId,
        ApplicationId = "1100000000000000001",
        InteractionToken = "token",
        TokenIssuedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        GuildId = "1100000000000000003",
        ChannelId = "1100000000000000004",
        UserId = "1300000000000000001",
        Prompt = "two red clocks",
        Effort = GenAgent.Core.Sessions.Effort.High,
        AttachmentSizeLimit = 8_000_000,
    };

    [Fact]
    public async Task A_link_survives_a_new_process_with_its_rounds_and_finals()
    {
        var link = Link("s1").WithRound(2, "m2", channelId: null).WithRound(4, "m4", channelId: "t1").WithFinal(1, "f1", channelId: "t1");
        await new StoreDiscordSessionLinks(_store).SaveAsync(link);

        // Another instance over the same folder: nothing comes from process memory.
        var read = await new StoreDiscordSessionLinks(new LocalImageStore(_root)).GetAsync("s1");

        Assert.NotNull(read);
        Assert.Equal("m2", read.RoundMessage(2));
        Assert.Equal("m4", read.RoundMessage(4));
        Assert.Null(read.RoundMessage(3));
        Assert.False(read.RoundChannels.ContainsKey(2));
        Assert.Equal("t1", read.RoundChannels[4]);
        Assert.Equal("f1", read.FinalMessageId);
        Assert.Equal("t1", read.FinalChannels[1]);
        Assert.Equal(link.TokenIssuedAt, read.TokenIssuedAt);
        Assert.Equal(GenAgent.Core.Sessions.Effort.High, read.Effort);
        Assert.True(read.UseThread);
        Assert.True(File.Exists(Path.Combine(_root, "discord", "sessions", "s1.json")));
    }

    [Fact]
    public async Task Threads_map_to_their_session_and_unknown_ids_to_nothing()
    {
        var links = new StoreDiscordSessionLinks(_store);
        await links.LinkThreadAsync("900", "s2");

        Assert.Equal("s2", await links.FindSessionByThreadAsync("900"));
        Assert.Null(await links.FindSessionByThreadAsync("901"));
        Assert.Null(await links.GetAsync("never-started"));
    }

    [Fact]
    public async Task Ids_that_would_leave_the_folder_are_refused()
    {
        var links = new StoreDiscordSessionLinks(_store);

        await Assert.ThrowsAsync<ArgumentException>(() => links.GetAsync("../secrets"));
        await Assert.ThrowsAsync<ArgumentException>(() => links.FindSessionByThreadAsync("a/b"));
    }

    [Fact]
    public async Task Chat_origins_are_stored_apart_from_the_link()
    {
        var origins = new ChatOrigins(_store);
        await origins.SaveAsync(new ChatOrigin("chat-1", "c1", "m1", "r1"));
        await new StoreDiscordSessionLinks(_store).SaveAsync(Link("chat-1"));

        var origin = await origins.GetAsync("chat-1");

        Assert.Equal(new ChatOrigin("chat-1", "c1", "m1", "r1"), origin);
        Assert.Null(await origins.GetAsync("chat-2"));
    }
}

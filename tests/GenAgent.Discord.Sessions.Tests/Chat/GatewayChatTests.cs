using System.Text.Json;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Sessions.Tests.Bot;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Workflow;
using SkiaSharp;

namespace GenAgent.Discord.Sessions.Tests.Chat;

/// <summary>Chat through the real gateway worker: the fake gateway dispatches MESSAGE_CREATE, the fake REST records the posts.</summary>
public sealed class GatewayChatTests(BotServer bot) : IClassFixture<BotServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(200, 220, 255));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static bool HasComponents(RecordedRequest r) =>
        r.Json is { } json && json.TryGetProperty("components", out var c) && c.GetArrayLength() > 0;

    /// <summary>Waits until the session's episode <paramref name="episode"/> has its final message, and returns the link then.</summary>
    private async Task<DiscordSessionLink> FinalOfAsync(string sessionId, int episode)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await bot.Links.GetAsync(sessionId) is { } link && link.FinalMessages.ContainsKey(episode)) return link;
            await Task.Delay(50, cts.Token);
        }
    }

    [Fact]
    public async Task A_mention_starts_a_session_whose_rounds_go_to_a_thread_and_a_reply_there_continues_it()
    {
        var channel = bot.Fake.NewId();
        bot.Fake.AddChannel(channel);
        var messageId = await bot.SayAsync(channel, "a photo of two red clocks and a blue bus", mention: true);
        var sessionId = $"chat-{messageId}";

        var reply = await bot.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/channels/{channel}/messages", Patience);
        Assert.Equal(messageId, reply.Json!.Value.GetProperty("message_reference").GetProperty("message_id").GetString());
        var link = await FinalOfAsync(sessionId, 1);
        Assert.Equal("a photo of two red clocks and a blue bus", link.Prompt);
        Assert.NotNull(link.ThreadId);
        Assert.Null(link.InteractionToken);
        var thread = await bot.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal), Patience);
        Assert.Equal($"/channels/{channel}/messages/{(string)bot.Fake.MessagesIn(channel)[0]["id"]!}/threads", thread.Path);

        var firstEpisode = bot.Fake.MessagesIn(link.ThreadId).Count;
        Assert.Equal(link.RoundMessages.Count + 1, firstEpisode);
        Assert.All(bot.Fake.MessagesIn(link.ThreadId).Take(link.RoundMessages.Count), m => Assert.Single(m["attachments"]!.AsArray()));
        Assert.True(HasComponents(bot.Fake.Requests.Last(r => r.Path == $"/channels/{link.ThreadId}/messages")));

        // A reply in the thread is a follow-up: the same session runs another episode, posted in the same thread.
        await bot.SayAsync(link.ThreadId, "make the bus green", mention: false);
        var continued = await FinalOfAsync(sessionId, 2);

        var story = JsonSerializer.Deserialize((await bot.Store.TryGetAsync(SessionKeys.Trajectory(sessionId)))!, SessionJson.Default.Trajectory)!;
        Assert.True(continued.RoundMessages.Count > link.RoundMessages.Count, string.Join(" | ", story.Turns.Select(t => $"{t.Episode}/{t.Index} {t.Kind} {t.Argument} {t.Error} {t.Image?.Key}")) + " followups " + story.FollowUps.Count);
        var inThread = bot.Fake.MessagesIn(link.ThreadId);
        Assert.True(inThread.Count > firstEpisode);
        Assert.Contains(inThread, m => ((string?)m["embeds"]?[0]?["title"])?.Contains("follow-up 1", StringComparison.Ordinal) == true);
        var snapshot = await bot.Engine.GetAsync(sessionId);
        Assert.Equal(2, snapshot!.Progress!.Episode);
    }

    [Fact]
    public async Task Messages_from_bots_and_messages_without_a_mention_are_ignored()
    {
        var channel = bot.Fake.NewId();
        bot.Fake.AddChannel(channel);
        var fromBot = await bot.SayAsync(channel, "draw a cat", mention: true, authorIsBot: true);
        var unmentioned = await bot.SayAsync(channel, "draw a dog", mention: false);
        // Events are handled in order, so once this one is answered the two before it have been seen.
        var asked = await bot.SayAsync(channel, "", mention: true);

        var reply = await bot.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/channels/{channel}/messages", Patience);

        Assert.Equal(asked, reply.Json!.Value.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Contains("what to draw", reply.Json!.Value.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Single(bot.Fake.MessagesIn(channel));
        Assert.Null(await bot.Engine.GetAsync($"chat-{fromBot}"));
        Assert.Null(await bot.Engine.GetAsync($"chat-{unmentioned}"));
    }

    [Fact]
    public async Task A_direct_message_starts_a_session_in_place_with_its_image_as_the_start()
    {
        var dm = bot.Fake.NewId();
        var png = Png(64, 48);
        var url = bot.Fake.AddAttachment("start.png", png);
        var attachment = new { id = bot.Fake.NewId(), filename = "start.png", url, content_type = "image/png", size = png.Length, width = 64, height = 48 };
        var messageId = await bot.SayAsync(dm, "make it snowy", mention: false, attachments: [attachment], guildId: null);

        var link = await FinalOfAsync($"chat-{messageId}", 1);

        Assert.Null(link.ThreadId);
        Assert.Null(link.GuildId);
        Assert.Contains(bot.Fake.Requests, r => r.Path == "/attachments/start.png" && r.Status == 200);
        var trajectory = JsonSerializer.Deserialize(
            (await bot.Store.TryGetAsync(SessionKeys.Trajectory(link.SessionId)))!, SessionJson.Default.Trajectory)!;
        Assert.NotNull(trajectory.InputImage);
        // Rounds and the final go to the DM channel, replying to the user's message.
        var posts = bot.Fake.MessagesIn(dm);
        Assert.True(posts.Count >= 3);
        Assert.All(posts, p => Assert.Equal(messageId, (string?)p["message_reference"]?["message_id"]));
    }
}

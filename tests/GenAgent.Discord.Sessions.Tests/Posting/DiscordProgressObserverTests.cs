using GenAgent.Core.Sessions;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Sessions.Tests.Posting;

public sealed class DiscordProgressObserverTests(PostingHost host) : IClassFixture<PostingHost>
{
    private static int Rounds(Trajectory trajectory) => trajectory.Turns.Count(t => t.Image is not null);

    [Fact]
    public async Task Each_round_is_a_follow_up_with_its_image_and_the_final_has_the_buttons()
    {
        var token = await host.DeferAsync();
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: false);

        var trajectory = await host.RunAsync(link);

        var posts = host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}");
        var rounds = Rounds(trajectory);
        Assert.True(rounds >= 1);
        Assert.Equal(rounds + 1, posts.Count);
        for (var i = 0; i < rounds; i++)
        {
            var file = Assert.Single(posts[i].Files);
            Assert.Equal("files[0]", file.Name);
            Assert.Equal($"round-{i + 1}.png", file.FileName);
            Assert.Equal("attachment://" + file.FileName, PostingHost.EmbedImageUrl(posts[i]));
            Assert.Equal($"Round {i + 1}", PostingHost.EmbedTitle(posts[i]));
            Assert.Null(posts[i].Header("Authorization"));
            var stored = await host.Store.TryGetAsync(trajectory.Turns.Where(t => t.Image is not null).ElementAt(i).Image!.Key);
            Assert.Equal(stored, file.Content);
        }

        var final = posts[^1];
        Assert.Equal("attachment://final.png", PostingHost.EmbedImageUrl(final));
        var buttons = PostingHost.Buttons(final).ToList();
        Assert.Contains(buttons, b => b.TryGetProperty("custom_id", out var id) && id.GetString() == $"v1:again:{link.SessionId}");
        Assert.Contains(buttons, b => b.TryGetProperty("custom_id", out var id) && id.GetString() == $"v1:stop:{link.SessionId}");
        Assert.Contains(buttons, b => b.TryGetProperty("url", out var url) && url.GetString() == $"{PostingHost.PublicBaseUrl}/sessions/{link.SessionId}");

        // The "thinking" message ends as a summary of the outcome.
        var original = host.Fake.OriginalFor(token)!;
        Assert.Contains("Done", (string?)original["content"], StringComparison.Ordinal);
        var saved = (await host.Links.GetAsync(link.SessionId))!;
        Assert.Equal(rounds, saved.RoundMessages.Count);
        Assert.True(host.Fake.Messages.ContainsKey(saved.FinalMessageId!));
    }

    [Fact]
    public async Task Effort_high_posts_every_candidate_once_and_the_final_names_each_comparison()
    {
        var token = await host.DeferAsync();
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: false);

        var trajectory = await host.RunAsync(link, maxImages: 1, effort: Effort.High);

        var posts = host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}");
        var candidates = posts.Where(p => PostingHost.EmbedTitle(p).StartsWith("Candidate ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Candidate 1", "Candidate 2"], candidates.Select(PostingHost.EmbedTitle));
        for (var i = 0; i < 2; i++)
        {
            var file = Assert.Single(candidates[i].Files);
            Assert.Equal($"candidate-{i}.png", file.FileName);
            Assert.Equal(await host.Store.TryGetAsync(trajectory.Candidates![i].FinalImage!.Key), file.Content);
        }
        Assert.Contains("temperature 0.7", candidates[1].Json!.Value.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);

        var final = posts[^1];
        var fields = final.Json!.Value.GetProperty("embeds")[0].GetProperty("fields").EnumerateArray().ToList();
        var comparisons = Assert.Single(fields, f => f.GetProperty("name").GetString() == "Comparisons").GetProperty("value").GetString()!;
        var match = Assert.Single(trajectory.Comparisons!);
        Assert.StartsWith($"1 vs 2 → **{match.Winner + 1}**", comparisons, StringComparison.Ordinal);
        Assert.Equal(2, (await host.Links.GetAsync(link.SessionId))!.CandidateMessages.Count);

        // A repeated progress update posts no candidate twice.
        await host.Observer.OnProgressAsync(link.SessionId, new SessionProgress { Phase = SessionPhase.Thinking }, trajectory with { Outcome = null });
        Assert.Equal(posts.Count, host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}").Count);

        // A follow-up on the winner posts its rounds like any session's.
        var followUp = new TurnRecord { Index = 50, Kind = TurnKind.Generate, Episode = 2, Argument = "add a hat", Image = trajectory.FinalImage };
        await host.Observer.OnProgressAsync(
            link.SessionId, new SessionProgress { Turn = 50, Episode = 2, Phase = SessionPhase.Thinking }, trajectory with { Outcome = null, Turns = [.. trajectory.Turns, followUp] });
        Assert.Equal("Round 1 (follow-up 1)", PostingHost.EmbedTitle(host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}")[^1]));
    }

    [Fact]
    public async Task A_repeated_update_edits_the_posted_message_instead_of_posting_again()
    {
        var token = await host.DeferAsync();
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: false);
        var trajectory = await host.RunAsync(link);
        var before = host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}").Count;
        var first = trajectory.Turns.First(t => t.Image is not null);
        var saved = (await host.Links.GetAsync(link.SessionId))!;

        // What a retried PublishProgress / Finalize delivers: the same session, turn and episode again.
        await host.Observer.OnProgressAsync(link.SessionId, new SessionProgress { Turn = first.Index, Round = 1, Phase = SessionPhase.Thinking }, trajectory with { Outcome = null });
        await host.Observer.OnProgressAsync(link.SessionId, new SessionProgress { Phase = SessionPhase.Finalizing, Episode = 1 }, trajectory);

        Assert.Equal(before, host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}").Count);
        var edits = host.Requests("PATCH", $"/webhooks/{FakeDiscord.ApplicationId}/{token}/messages/");
        Assert.Contains(edits, e => e.Path.EndsWith("/" + saved.RoundMessage(first.Index), StringComparison.Ordinal) && e.Files.Any());
        Assert.Contains(edits, e => e.Path.EndsWith("/" + saved.FinalMessageId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_threads_on_the_rounds_go_to_a_thread_started_from_the_original_message()
    {
        var token = await host.DeferAsync();
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: true);

        var trajectory = await host.RunAsync(link);

        var original = host.Fake.OriginalFor(token)!;
        var originalId = (string)original["id"]!;
        var thread = Assert.Single(host.Requests("POST", $"/channels/{FakeDiscord.DefaultChannelId}/messages/{originalId}/threads"));
        Assert.Equal(link.Prompt, thread.Json!.Value.GetProperty("name").GetString());
        var saved = (await host.Links.GetAsync(link.SessionId))!;
        Assert.Equal(originalId, saved.ThreadId);
        Assert.Equal(link.SessionId, await host.Links.FindSessionByThreadAsync(originalId));

        var inThread = host.Requests("POST", $"/channels/{originalId}/messages");
        Assert.Equal(Rounds(trajectory) + 1, inThread.Count);
        Assert.All(inThread, r => Assert.Equal("Bot " + FakeDiscord.BotToken, r.Header("Authorization")));
        Assert.All(inThread, r => Assert.True(r.Json!.Value.GetProperty("enforce_nonce").GetBoolean()));
        Assert.Empty(host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}"));
        // The channel sees the result on the original message: the final image and the buttons.
        Assert.Contains("final", original["embeds"]![0]!["image"]!["url"]!.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(original["components"]!.AsArray());
    }

    [Fact]
    public async Task A_token_older_than_15_minutes_posts_with_the_bot_token_in_the_channel()
    {
        var token = await host.DeferAsync();
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: false, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-20));
        var channelBefore = host.Requests("POST", $"/channels/{FakeDiscord.DefaultChannelId}/messages").Count;

        var trajectory = await host.RunAsync(link);

        Assert.Empty(host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}"));
        var saved = (await host.Links.GetAsync(link.SessionId))!;
        Assert.Equal(Rounds(trajectory), saved.RoundChannels.Count);
        Assert.All(saved.RoundChannels.Values, c => Assert.Equal(FakeDiscord.DefaultChannelId, c));
        Assert.True(host.Fake.Messages.ContainsKey(saved.FinalMessageId!));
        Assert.Equal(FakeDiscord.DefaultChannelId, saved.FinalChannels[1]);
        Assert.True(host.Requests("POST", $"/channels/{FakeDiscord.DefaultChannelId}/messages").Count >= channelBefore + Rounds(trajectory) + 1);
    }

    [Fact]
    public async Task An_invalid_webhook_token_answer_falls_back_to_the_bot_token_in_the_thread()
    {
        var token = await host.DeferAsync();
        var original = (string)host.Fake.OriginalFor(token)!["id"]!;
        // Discord said the token is gone (50027) although the clock says it should still work.
        host.Fake.ExpireToken(token);
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: true) with { OriginalMessageId = original };

        var trajectory = await host.RunAsync(link);

        var saved = (await host.Links.GetAsync(link.SessionId))!;
        Assert.Null(saved.InteractionToken);
        Assert.Equal(original, saved.ThreadId);
        var inThread = host.Requests("POST", $"/channels/{original}/messages");
        Assert.Equal(Rounds(trajectory) + 1, inThread.Count);
        Assert.All(inThread, r => Assert.Equal(200, r.Status));
        // The original message got the result with the bot token once the token failed.
        Assert.Contains(host.Requests("PATCH", $"/channels/{FakeDiscord.DefaultChannelId}/messages/{original}"), r => r.Files.Any());
    }

    [Fact]
    public async Task A_dismissed_thinking_message_keeps_the_token_and_the_rounds_still_arrive_as_follow_ups()
    {
        var token = await host.DeferAsync();
        host.Fake.DismissOriginal(token);
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: false);
        var channelBefore = host.Requests("POST", $"/channels/{FakeDiscord.DefaultChannelId}/messages").Count;

        var trajectory = await host.RunAsync(link);

        // Editing @original answers 404 / 10008; that is a missing message, not a dead token.
        Assert.Contains(host.Fake.Requests, r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal) && r.Status == 404);
        var posts = host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}");
        Assert.Equal(Rounds(trajectory) + 1, posts.Count);
        Assert.All(posts, r => Assert.Equal(200, r.Status));
        Assert.Equal(channelBefore, host.Requests("POST", $"/channels/{FakeDiscord.DefaultChannelId}/messages").Count);
        var saved = (await host.Links.GetAsync(link.SessionId))!;
        Assert.Equal(token, saved.InteractionToken);
    }

    [Fact]
    public async Task An_invalid_token_without_threads_posts_follow_ups_in_the_channel_instead()
    {
        var token = await host.DeferAsync();
        host.Fake.ExpireToken(token);
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: false);

        var trajectory = await host.RunAsync(link);

        // The first call on the token (the note on the "thinking" message) learns it is gone; nothing else tries it.
        var onToken = host.Fake.Requests.Where(r => r.Path.StartsWith($"/webhooks/{FakeDiscord.ApplicationId}/{token}", StringComparison.Ordinal)).ToList();
        Assert.Single(onToken);
        Assert.Equal(401, onToken[0].Status);
        var saved = (await host.Links.GetAsync(link.SessionId))!;
        Assert.Equal(Rounds(trajectory), saved.RoundChannels.Count);
        Assert.Null(saved.InteractionToken);
    }

    [Fact]
    public async Task Images_over_the_attachment_limit_are_re_encoded_under_it()
    {
        var token = await host.DeferAsync();
        const long limit = 6 * 1024;
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: false, attachmentLimit: limit);

        var trajectory = await host.RunAsync(link);

        var stored = await host.Store.TryGetAsync(trajectory.FinalImage!.Key);
        Assert.True(stored!.Length > limit, $"the test needs a stored image over {limit} bytes; it has {stored.Length}");
        var files = host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}").SelectMany(r => r.Files).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(f.Content.Length <= limit, $"{f.FileName} has {f.Content.Length} bytes"));
        Assert.All(files, f => Assert.True(f.ContentType is "image/webp" or "image/jpeg", f.ContentType));
        var first = host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}")[0];
        Assert.Equal("attachment://" + first.Files.Single().FileName, PostingHost.EmbedImageUrl(first));
    }

    [Fact]
    public async Task A_413_from_Discord_shrinks_the_image_and_sends_once_more()
    {
        var token = await host.DeferAsync();
        host.Fake.Script("POST", $"^/webhooks/{FakeDiscord.ApplicationId}/{token}$", ScriptedResponse.Error(413, 40005, "Request entity too large"));
        var link = PostingHost.Link(PostingHost.NewSessionId(), token, useThread: false);

        await host.RunAsync(link, maxImages: 1);

        var posts = host.Requests("POST", $"/webhooks/{FakeDiscord.ApplicationId}/{token}");
        Assert.Equal(413, posts[0].Status);
        Assert.Equal(200, posts[1].Status);
        Assert.True(posts[1].Files.Single().Content.Length <= posts[0].Files.Single().Content.Length / 2);
        Assert.Equal("attachment://" + posts[1].Files.Single().FileName, PostingHost.EmbedImageUrl(posts[1]));
    }

    [Fact]
    public async Task A_crash_between_send_and_save_does_not_duplicate_a_channel_post()
    {
        var link = PostingHost.Link(PostingHost.NewSessionId(), token: null, useThread: false);
        var trajectory = await host.RunAsync(link, maxImages: 1);
        var saved = (await host.Links.GetAsync(link.SessionId))!;
        var turn = trajectory.Turns.First(t => t.Image is not null);
        var messages = host.Fake.MessagesIn(FakeDiscord.DefaultChannelId).Count;

        // As if the process died after Discord created the message but before the link recorded it.
        await host.Links.SaveAsync(saved with { RoundMessages = new Dictionary<int, string>(), RoundChannels = new Dictionary<int, string>() });
        await host.Observer.OnProgressAsync(link.SessionId, new SessionProgress { Turn = turn.Index, Round = 1 }, trajectory with { Outcome = null });

        Assert.Equal(messages, host.Fake.MessagesIn(FakeDiscord.DefaultChannelId).Count);
        Assert.Equal(saved.RoundMessage(turn.Index), (await host.Links.GetAsync(link.SessionId))!.RoundMessage(turn.Index));
    }

    [Fact]
    public async Task A_session_without_a_link_posts_nothing()
    {
        var before = host.Fake.Requests.Count;
        var sessionId = PostingHost.NewSessionId();
        await host.Engine.StartAsync(new SessionRequest("a red bench", new SessionOptions { MaxImages = 1 }), sessionId);
        await host.Engine.WaitForCompletionAsync(sessionId);

        Assert.Equal(before, host.Fake.Requests.Count);
    }
}

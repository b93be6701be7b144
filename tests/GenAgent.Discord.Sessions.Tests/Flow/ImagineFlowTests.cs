using System.Diagnostics;
using System.Text.Json.Nodes;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Components;
using Xunit.Abstractions;

namespace GenAgent.Discord.Sessions.Tests.Flow;

/// <summary>
/// The whole path through <c>genagent serve</c> on the offline profile: a signed /imagine is deferred at once, each round
/// is posted with its image, the final message carries the session buttons, and the buttons and modals drive the same
/// durable session afterwards.
/// </summary>
[Collection(DiscordCollection.Name)]
public sealed class ImagineFlowTests(DiscordServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task Imagine_is_deferred_posts_each_round_and_ends_with_buttons_that_continue_the_session()
    {
        const string user = "1500000000000000001";
        var imagine = Interactions.Imagine(user, "three red clocks on the left and a blue bus on the right", effort: "medium");
        var ping = Stopwatch.StartNew();
        await server.SendAsync(Interactions.Ping());
        output.WriteLine($"first PING answered in {ping.Elapsed.TotalMilliseconds:F1} ms");

        var clock = Stopwatch.StartNew();
        var (status, ack) = await server.SendAsync(imagine);
        clock.Stop();
        output.WriteLine($"/imagine acknowledged in {clock.Elapsed.TotalMilliseconds:F1} ms (deadline 3000 ms)");
        Assert.Equal(200, status);
        Assert.Equal(5, ack.GetProperty("type").GetInt32());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the ack took {clock.Elapsed}");

        var sessionId = await server.NewestSessionAsync(user);
        var ended = await server.Engine.WaitForEpisodeEndAsync(sessionId, 1);
        var link = await server.Links().GetAsync(sessionId);
        Assert.Equal(user, link?.UserId);

        var final = await server.Fake.WaitForRequestAsync(r => r.CustomIds().Contains(CustomIds.Format(ButtonAction.AnotherRound, sessionId)), FlowHelpers.Patience);
        Assert.Equal(
            [.. new[] { ButtonAction.AnotherRound, ButtonAction.Refine, ButtonAction.Variations, ButtonAction.Edit, ButtonAction.Stop, ButtonAction.Delete }.Select(a => CustomIds.Format(a, sessionId))],
            final.CustomIds());
        var trajectory = await server.Engine.WaitForAsync(sessionId, _ => true);
        var rounds = ended.Progress!.Round;
        Assert.True(rounds >= 1);
        var imagePosts = server.Fake.Requests.Where(r => r.Sequence <= final.Sequence && r.CarriesImage()).ToList();
        output.WriteLine($"episode 1: {rounds} round(s), {imagePosts.Count} image post(s): {string.Join(", ", imagePosts)}");
        Assert.True(imagePosts.Count >= rounds, $"{rounds} rounds but {imagePosts.Count} image posts");
        Assert.NotNull(trajectory);

        // Another round: acknowledged with a deferred update; the session continues with episode 2 and posts again.
        var click = Interactions.Button(CustomIds.Format(ButtonAction.AnotherRound, sessionId), user);
        var (clickStatus, clickAck) = await server.SendAsync(click);
        Assert.Equal(200, clickStatus);
        Assert.Equal(6, clickAck.GetProperty("type").GetInt32());
        Assert.Equal(click["token"]!.GetValue<string>(), (await server.Links().GetAsync(sessionId))!.InteractionToken);
        await server.Engine.WaitForEpisodeEndAsync(sessionId, 2);
        var secondFinal = await server.Fake.WaitForRequestAsync(
            r => r.Sequence > final.Sequence && r.CustomIds().Contains(CustomIds.Format(ButtonAction.AnotherRound, sessionId)), FlowHelpers.Patience);
        Assert.Contains(server.Fake.Requests, r => r.Sequence > final.Sequence && r.Sequence <= secondFinal.Sequence && r.CarriesImage());

        // Refine: the button opens a modal (a Label wrapping a paragraph text input); its submit continues the session.
        var (_, modal) = await server.SendAsync(Interactions.Button(CustomIds.Format(ButtonAction.Refine, sessionId), user));
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        var data = modal.GetProperty("data");
        Assert.Equal(CustomIds.Format(ButtonAction.Refine, sessionId), data.GetProperty("custom_id").GetString());
        var label = data.GetProperty("components")[0];
        Assert.Equal(18, label.GetProperty("type").GetInt32());
        Assert.Equal(4, label.GetProperty("component").GetProperty("type").GetInt32());
        Assert.Equal(2, label.GetProperty("component").GetProperty("style").GetInt32());

        var (_, submitted) = await server.SendAsync(Interactions.ModalSubmit(CustomIds.Format(ButtonAction.Refine, sessionId), user, "make the bus green"));
        Assert.Equal(6, submitted.GetProperty("type").GetInt32());
        await server.Engine.WaitForEpisodeEndAsync(sessionId, 3);

        // Someone else cannot steer this session.
        var (_, foreign) = await server.SendAsync(Interactions.Button(CustomIds.Format(ButtonAction.AnotherRound, sessionId), "1500000000000000099"));
        Assert.Equal(4, foreign.GetProperty("type").GetInt32());
        Assert.Equal(64, foreign.GetProperty("data").GetProperty("flags").GetInt32());

        // Stop: an ephemeral confirmation, and the session ends.
        var (_, stopped) = await server.SendAsync(Interactions.Button(CustomIds.Format(ButtonAction.Stop, sessionId), user));
        Assert.Equal(4, stopped.GetProperty("type").GetInt32());
        Assert.Equal(64, stopped.GetProperty("data").GetProperty("flags").GetInt32());
        var last = await server.Engine.WaitForAsync(sessionId, s => s.IsTerminal);
        Assert.Contains("make the bus green", last.Trajectory?.FollowUps.Select(f => f.Text) ?? [], StringComparer.Ordinal);
    }

    [Fact]
    public async Task Variations_starts_an_effort_high_session_for_whoever_clicked()
    {
        const string owner = "1500000000000000011";
        const string clicker = "1500000000000000012";
        var (_, ack) = await server.SendAsync(Interactions.Imagine(owner, "a lighthouse on a cliff", effort: "low"));
        Assert.Equal(5, ack.GetProperty("type").GetInt32());
        var original = await server.NewestSessionAsync(owner);

        var (status, answer) = await server.SendAsync(Interactions.Button(CustomIds.Format(ButtonAction.Variations, original), clicker));

        Assert.Equal(200, status);
        Assert.Equal(5, answer.GetProperty("type").GetInt32());
        var variation = await server.NewestSessionAsync(clicker);
        Assert.NotEqual(original, variation);
        var link = await server.Links().GetAsync(variation);
        Assert.Equal(Effort.High, link!.Effort);
        Assert.Equal("a lighthouse on a cliff", link.Prompt);
        Assert.Equal(clicker, link.UserId);
        // The engine start follows the answer; the session appears moments later.
        Assert.Equal(variation, (await server.Engine.WaitForAsync(variation, _ => true)).SessionId);
        // Three sketch candidates would keep the two-slot in-process backend busy for the other tests.
        await server.Engine.CancelAsync(variation);
        await server.Engine.CancelAsync(original);
        await server.Engine.WaitForAsync(variation, s => s.IsTerminal);
    }

    [Fact]
    public async Task An_aspect_ratio_shapes_the_session_and_variations_keep_it()
    {
        const string owner = "1500000000000000071";
        await server.SendAsync(Interactions.Imagine(owner, "a wide mountain panorama", effort: "low", aspect: "16:9"));
        var sessionId = await server.NewestSessionAsync(owner);
        var image = (await server.Engine.WaitForAsync(sessionId, s => s.Progress?.LastImage is not null)).Progress!.LastImage!;

        // The sketch generator draws at the size the session asked for.
        var (width, height) = (image.Width, image.Height);
        Assert.Equal(0, width % 64);
        Assert.Equal(0, height % 64);
        Assert.InRange(width / (double)height, 1.6, 1.9);
        Assert.Equal("16:9", (await server.Links().GetAsync(sessionId))!.Aspect);

        const string other = "1500000000000000072";
        await server.SendAsync(Interactions.Button(CustomIds.Format(ButtonAction.Variations, sessionId), other));
        var variation = await server.NewestSessionAsync(other);
        // The variation's start takes its shape from its link, as the first session's did.
        Assert.Equal("16:9", (await server.Links().GetAsync(variation))!.Aspect);
        // Effort high's candidates would keep the two-slot in-process backend busy for the other tests.
        await server.Engine.WaitForAsync(variation, _ => true);
        await server.Engine.CancelAsync(variation);
        await server.Engine.CancelAsync(sessionId);
        await server.Engine.WaitForAsync(variation, s => s.IsTerminal);
    }

    [Fact]
    public async Task A_negative_prompt_for_a_generator_that_takes_none_is_refused_ephemerally_and_starts_nothing()
    {
        const string user = "1500000000000000074";
        var imagine = Interactions.Imagine(user, "a cat");
        imagine["data"]!["options"]!.AsArray().Add(Interactions.Option("negative", 3, "dogs"));

        var (status, answer) = await server.SendAsync(imagine);

        Assert.Equal(200, status);
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("takes no negative prompt", answer.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty((await server.Settings().GetSessionsAsync(user)).Entries);
    }

    [Fact]
    public async Task An_unknown_aspect_is_refused_ephemerally()
    {
        var (status, answer) = await server.SendAsync(Interactions.Imagine("1500000000000000073", "a cat", aspect: "5:4"));

        Assert.Equal(200, status);
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("aspect must be one of", answer.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_prompt_gets_an_ephemeral_reason_and_starts_nothing()
    {
        const string user = "1500000000000000021";

        var (status, answer) = await server.SendAsync(Interactions.Imagine(user, "a nude statue in a garden"));

        Assert.Equal(200, status);
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("age-restricted", answer.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty((await server.Settings().GetSessionsAsync(user)).Entries);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_thread_is_age_restricted_exactly_when_its_parent_channel_is(bool parentNsfw)
    {
        var user = parentNsfw ? "1500000000000000022" : "1500000000000000023";
        var parent = parentNsfw ? "1500000000000000901" : "1500000000000000902";
        var thread = parentNsfw ? "1500000000000000911" : "1500000000000000912";
        server.Fake.AddChannel(parent, type: 0, nsfw: parentNsfw, name: "art");
        server.Fake.AddChannel(thread, type: 11, parentId: parent, name: "a thread");
        var interaction = Interactions.Imagine(user, "a nude statue in a garden", channelId: thread);
        // Discord's partial channel of a thread: type 11, its parent, and no nsfw flag.
        interaction["channel"] = new System.Text.Json.Nodes.JsonObject { ["id"] = thread, ["type"] = 11, ["parent_id"] = parent, ["name"] = "a thread" };

        var (status, answer) = await server.SendAsync(interaction);

        Assert.Equal(200, status);
        if (parentNsfw)
        {
            Assert.Equal(5, answer.GetProperty("type").GetInt32());
            var entry = Assert.Single((await server.Settings().GetSessionsAsync(user)).Entries);
            await server.Engine.CancelAsync(entry.SessionId);
            await server.Engine.WaitForAsync(entry.SessionId, s => s.IsTerminal);
        }
        else
        {
            Assert.Equal(4, answer.GetProperty("type").GetInt32());
            Assert.Contains("age-restricted", answer.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.Empty((await server.Settings().GetSessionsAsync(user)).Entries);
        }

        Assert.Contains(server.Fake.Requests, r => r.Method == "GET" && r.Path == $"/channels/{parent}");
    }

    [Fact]
    public async Task A_button_from_another_version_says_so()
    {
        var (_, answer) = await server.SendAsync(Interactions.Button("v0:reroll:abc", "1500000000000000031"));

        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Contains("older version", answer.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_attachment_starts_image_to_image()
    {
        const string user = "1500000000000000041";
        var png = TestPng();
        var url = server.Fake.AddAttachment("start.png", png);
        var imagine = Interactions.Imagine(user, "the same scene at night", effort: "low");
        imagine["data"]!["options"]!.AsArray().Add(Interactions.Option("image", 11, "1600000000000000001"));
        imagine["data"]!["resolved"] = new JsonObject
        {
            ["attachments"] = new JsonObject
            {
                ["1600000000000000001"] = new JsonObject
                {
                    ["id"] = "1600000000000000001", ["filename"] = "start.png", ["url"] = url, ["content_type"] = "image/png", ["size"] = png.Length, ["width"] = 48, ["height"] = 32,
                },
            },
        };

        var (_, ack) = await server.SendAsync(imagine);

        Assert.Equal(5, ack.GetProperty("type").GetInt32());
        var sessionId = await server.NewestSessionAsync(user);
        var done = await server.Engine.WaitForEpisodeEndAsync(sessionId, 1);
        Assert.NotNull(await server.Store.TryGetAsync($"sessions/{sessionId}/input.png"));
        await server.Engine.CancelAsync(sessionId);
        Assert.Equal(SessionPhase.AwaitingFollowUp, done.Progress!.Phase);
    }

    [Fact]
    public async Task A_non_image_attachment_is_refused()
    {
        var imagine = Interactions.Imagine("1500000000000000051", "anything");
        imagine["data"]!["options"]!.AsArray().Add(Interactions.Option("image", 11, "1600000000000000002"));
        imagine["data"]!["resolved"] = new JsonObject
        {
            ["attachments"] = new JsonObject
            {
                ["1600000000000000002"] = new JsonObject { ["id"] = "1600000000000000002", ["filename"] = "a.txt", ["url"] = "http://127.0.0.1/a.txt", ["content_type"] = "text/plain", ["size"] = 10 },
            },
        };

        var (_, answer) = await server.SendAsync(imagine);

        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Contains("text/plain", answer.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    private static byte[] TestPng()
    {
        using var bitmap = new SkiaSharp.SKBitmap(48, 32);
        bitmap.Erase(SkiaSharp.SKColors.CornflowerBlue);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

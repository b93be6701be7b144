using System.Text.Json.Nodes;
using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Sessions.Tests.Flow;

/// <summary>
/// An app installed by a user, used in a server that did not install it: Discord allows that interaction 5 follow-ups
/// (40094 after) and the bot is no member there. Every round and the final are shown on the "thinking" message instead,
/// nothing goes through the bot token; and a 40094 in a session that did not expect it folds the rest the same way.
/// </summary>
[Collection(DiscordCollection.Name)]
public sealed class UserInstallFlowTests(DiscordServer server)
{
    [Fact]
    public async Task A_user_installed_session_shows_every_round_and_the_final_on_the_thinking_message()
    {
        const string user = "1500000000000000301";
        var imagine = Interactions.Imagine(user, "three red clocks on the left and a blue bus on the right", effort: "medium");
        imagine["authorizing_integration_owners"] = new JsonObject { ["1"] = user };
        imagine["context"] = 0;
        var token = imagine["token"]!.GetValue<string>();
        var channelPostsBefore = server.Fake.Requests.Count(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal) && r.Method == "POST");

        var (status, ack) = await server.SendAsync(imagine);
        Assert.Equal(200, status);
        Assert.Equal(5, ack.GetProperty("type").GetInt32());
        var sessionId = await server.NewestSessionAsync(user);
        var ended = await server.Engine.WaitForEpisodeEndAsync(sessionId, 1);
        var final = await server.Fake.WaitForRequestAsync(r => r.CustomIds().Contains(CustomIds.Format(ButtonAction.AnotherRound, sessionId)), FlowHelpers.Patience);

        // The final with its buttons is an edit of the original response, as is every round before it.
        Assert.Equal("PATCH", final.Method);
        Assert.EndsWith($"/{token}/messages/@original", final.Path, StringComparison.Ordinal);
        var onOriginal = server.Fake.Requests.Where(r => r.Method == "PATCH" && r.Path.EndsWith($"/{token}/messages/@original", StringComparison.Ordinal) && r.CarriesImage()).ToList();
        Assert.True(onOriginal.Count >= ended.Progress!.Round + 1, $"{ended.Progress.Round} rounds, {onOriginal.Count} images on the original");
        Assert.Equal(0, server.Fake.FollowUpsOn(token));
        Assert.Equal(channelPostsBefore, server.Fake.Requests.Count(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal) && r.Method == "POST"));
        var link = (await server.Links().GetAsync(sessionId))!;
        Assert.True(link.FollowUpsLimited);
        Assert.False(link.UseThread);
        Assert.NotEmpty(server.Fake.OriginalFor(token)!["components"]!.AsArray());

        // Delete: the bot cannot reach the channel, so the click's own token deletes the message the button is on.
        var messageId = (string)server.Fake.OriginalFor(token)!["id"]!;
        var delete = Interactions.Button(CustomIds.Format(ButtonAction.Delete, sessionId), user, messageId);
        delete["authorizing_integration_owners"] = new JsonObject { ["1"] = user };
        var (_, deferred) = await server.SendAsync(delete);
        Assert.Equal(6, deferred.GetProperty("type").GetInt32());
        var deleted = await server.Fake.WaitForRequestAsync(r => r.Method == "DELETE" && r.Path.EndsWith($"/{delete["token"]}/messages/@original", StringComparison.Ordinal) && r.Status == 204, FlowHelpers.Patience);
        Assert.False(server.Fake.Messages.ContainsKey(messageId), $"message {messageId} is still there ({deleted})");
        Assert.DoesNotContain(server.Fake.Requests, r => r.Method == "DELETE" && r.Path.StartsWith("/channels/", StringComparison.Ordinal) && r.Path.EndsWith(messageId, StringComparison.Ordinal));
        await server.Engine.CancelAsync(sessionId);
    }

    [Fact]
    public async Task A_40094_on_a_follow_up_folds_that_post_and_the_rest_into_the_thinking_message()
    {
        const string user = "1500000000000000302";
        var imagine = Interactions.Imagine(user, "a green apple on a white plate", effort: "medium", isPrivate: true);
        var token = imagine["token"]!.GetValue<string>();
        server.Fake.Script("POST", $"^/webhooks/{FakeDiscord.ApplicationId}/{token}", ScriptedResponse.Error(400, 40094, "This interaction has hit the maximum number of follow up messages"), times: 1);

        await server.SendAsync(imagine);
        var sessionId = await server.NewestSessionAsync(user);
        await server.Engine.WaitForEpisodeEndAsync(sessionId, 1);
        var final = await server.Fake.WaitForRequestAsync(r => r.CustomIds().Contains(CustomIds.Format(ButtonAction.AnotherRound, sessionId)), FlowHelpers.Patience);

        Assert.Equal("PATCH", final.Method);
        Assert.EndsWith($"/{token}/messages/@original", final.Path, StringComparison.Ordinal);
        var refused = Assert.Single(server.Fake.Requests, r => r.Method == "POST" && r.Path.StartsWith($"/webhooks/{FakeDiscord.ApplicationId}/{token}", StringComparison.Ordinal));
        Assert.Equal(400, refused.Status);
        Assert.True((await server.Links().GetAsync(sessionId))!.FollowUpsLimited);
        await server.Engine.CancelAsync(sessionId);
    }
}

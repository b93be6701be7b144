using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Sessions.Tests.Flow;

/// <summary>/settings, /status, /cancel with autocomplete, Delete, continuation after a session closed, and the token fallback.</summary>
[Collection(DiscordCollection.Name)]
public sealed class CommandFlowTests(DiscordServer server)
{
    private static string Content(JsonElement answer) => answer.GetProperty("data").GetProperty("content").GetString()!;

    private static void AssertEphemeral(JsonElement answer)
    {
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task User_settings_are_saved_and_shown()
    {
        const string user = "1700000000000000001";
        var (_, saved) = await server.SendAsync(Interactions.Command("settings", user,
            [Interactions.SubCommand("user", Interactions.Option("effort", 3, "high"), Interactions.Option("threads", 5, false))]));

        AssertEphemeral(saved);
        Assert.Contains("effort high, threads off, private off", Content(saved), StringComparison.Ordinal);
        var stored = await server.Settings().GetUserAsync(user);
        Assert.Equal(Effort.High, stored.Effort);
        Assert.False(stored.Threads);
    }

    [Fact]
    public async Task Only_admins_change_server_settings_and_the_blocklist_refuses_prompts()
    {
        const string member = "1700000000000000011";
        const string admin = "1700000000000000012";
        var add = Interactions.Command("settings", admin,
            [Interactions.SubCommand("blocklist", Interactions.Option("action", 3, "add"), Interactions.Option("term", 3, "zeppelin"))],
            permissions: Interactions.AdminPermissions);

        var (_, denied) = await server.SendAsync(Interactions.Command("settings", member,
            [Interactions.SubCommand("blocklist", Interactions.Option("action", 3, "add"), Interactions.Option("term", 3, "zeppelin"))]));
        AssertEphemeral(denied);
        Assert.Contains("Only server admins", Content(denied), StringComparison.Ordinal);

        var (_, added) = await server.SendAsync(add);
        AssertEphemeral(added);
        Assert.Contains("Added \"zeppelin\"", Content(added), StringComparison.Ordinal);
        try
        {
            var (_, refused) = await server.SendAsync(Interactions.Imagine(member, "a Zeppelin over London"));
            AssertEphemeral(refused);
            Assert.Contains("blocked", Content(refused), StringComparison.Ordinal);

            var (_, shown) = await server.SendAsync(Interactions.Command("settings", member, [Interactions.SubCommand("show")]));
            Assert.Contains("1 blocked term", Content(shown), StringComparison.Ordinal);
        }
        finally
        {
            await server.SendAsync(Interactions.Command("settings", admin,
                [Interactions.SubCommand("blocklist", Interactions.Option("action", 3, "remove"), Interactions.Option("term", 3, "zeppelin"))],
                permissions: Interactions.AdminPermissions));
        }
        Assert.Empty((await server.Settings().GetGuildAsync(FakeDiscord.GuildId)).Blocklist);
    }

    [Fact]
    public async Task Admin_limits_are_validated_and_saved()
    {
        const string admin = "1700000000000000021";
        var (_, saved) = await server.SendAsync(Interactions.Command("settings", admin,
            [Interactions.SubCommand("limits", Interactions.Option("concurrent", 4, 3), Interactions.Option("daily-quota", 4, 0))],
            permissions: Interactions.AdminPermissions));

        AssertEphemeral(saved);
        Assert.Contains("3 running session(s) per user", Content(saved), StringComparison.Ordinal);
        Assert.Contains("daily quota unlimited", Content(saved), StringComparison.Ordinal);
        var guild = await server.Settings().GetGuildAsync(FakeDiscord.GuildId);
        Assert.Equal(3, guild.MaxConcurrentPerUser);
        await server.Settings().SaveGuildAsync(FakeDiscord.GuildId, guild with { MaxConcurrentPerUser = null });
    }

    [Fact]
    public async Task Status_autocomplete_and_cancel_work_on_your_own_sessions()
    {
        const string user = "1700000000000000031";
        await server.SendAsync(Interactions.Imagine(user, "a teapot shaped like a whale", effort: "low"));
        var sessionId = await server.NewestSessionAsync(user);
        await server.Engine.WaitForEpisodeEndAsync(sessionId, 1);

        var (_, status) = await server.SendAsync(Interactions.Command("status", user));
        AssertEphemeral(status);
        Assert.Contains(sessionId[..8], Content(status), StringComparison.Ordinal);
        Assert.Contains("waiting for a follow-up", Content(status), StringComparison.Ordinal);
        Assert.Contains("1 session(s) started by you", Content(status), StringComparison.Ordinal);

        var autocomplete = Interactions.Command("cancel", user, [new JsonObject { ["name"] = "session", ["type"] = 3, ["value"] = "teap", ["focused"] = true }]);
        autocomplete["type"] = 4;
        var (_, choices) = await server.SendAsync(autocomplete);
        Assert.Equal(8, choices.GetProperty("type").GetInt32());
        var choice = Assert.Single(choices.GetProperty("data").GetProperty("choices").EnumerateArray());
        Assert.Equal(sessionId, choice.GetProperty("value").GetString());
        Assert.InRange(choice.GetProperty("name").GetString()!.Length, 1, 100);

        var (_, stranger) = await server.SendAsync(Interactions.Command("cancel", "1700000000000000039", [Interactions.Option("session", 3, sessionId)]));
        Assert.Contains("not one of your", Content(stranger), StringComparison.Ordinal);

        var (_, cancelled) = await server.SendAsync(Interactions.Command("cancel", user, [Interactions.Option("session", 3, sessionId)]));
        AssertEphemeral(cancelled);
        Assert.Contains("Stopping session", Content(cancelled), StringComparison.Ordinal);
        await server.Engine.WaitForAsync(sessionId, s => s.IsTerminal);
    }

    [Fact]
    public async Task A_click_after_the_session_closed_starts_a_continuation_from_its_final_image()
    {
        const string user = "1700000000000000041";
        await server.SendAsync(Interactions.Imagine(user, "a paper boat on a pond", effort: "low"));
        var closed = await server.NewestSessionAsync(user);
        await server.Engine.WaitForEpisodeEndAsync(closed, 1);
        await server.Engine.CancelAsync(closed);
        await server.Engine.WaitForAsync(closed, s => s.IsTerminal);

        var (_, answer) = await server.SendAsync(Interactions.ModalSubmit(CustomIds.Format(ButtonAction.Refine, closed), user, "add a duck"));

        Assert.Equal(5, answer.GetProperty("type").GetInt32());
        var continuation = await server.NewestSessionAsync(user, except: closed);
        Assert.NotEqual(closed, continuation);
        var link = await server.Links().GetAsync(continuation);
        Assert.Equal("a paper boat on a pond\n\nThen: add a duck", link!.Prompt);
        var started = await server.Engine.WaitForAsync(continuation, s => s.Progress is not null);
        Assert.NotNull(started);
        Assert.NotNull(await server.Store.TryGetAsync($"sessions/{continuation}/input.png"));
        await server.Engine.CancelAsync(continuation);
        await server.Engine.WaitForAsync(continuation, s => s.IsTerminal);
    }

    [Fact]
    public async Task Delete_is_for_the_owner_or_a_moderator()
    {
        const string owner = "1700000000000000051";
        await server.SendAsync(Interactions.Imagine(owner, "a red kite", effort: "low"));
        var sessionId = await server.NewestSessionAsync(owner);
        var messageId = await PostBotMessageAsync();

        var (_, refused) = await server.SendAsync(Interactions.Button(CustomIds.Format(ButtonAction.Delete, sessionId), "1700000000000000059", messageId));
        AssertEphemeral(refused);

        var (_, deleted) = await server.SendAsync(Interactions.Button(CustomIds.Format(ButtonAction.Delete, sessionId), "1700000000000000058", messageId, permissions: "8192"));
        Assert.Equal(6, deleted.GetProperty("type").GetInt32());
        var delete = Assert.Single(server.Fake.Requests, r => r.Method == "DELETE" && r.Path == $"/channels/{FakeDiscord.DefaultChannelId}/messages/{messageId}");
        Assert.Equal($"Bot {FakeDiscord.BotToken}", delete.Header("Authorization"));
        await server.Engine.WaitForAsync(sessionId, s => s.Progress is not null);
        await server.Engine.CancelAsync(sessionId);
        await server.Engine.WaitForAsync(sessionId, s => s.IsTerminal);
    }

    [Fact]
    public async Task An_expired_interaction_token_falls_back_to_the_bot_token_in_the_channel()
    {
        const string user = "1700000000000000061";
        await server.Settings().SaveUserAsync(user, new GenAgent.Discord.Sessions.Settings.UserSettings { Threads = false });
        var imagine = Interactions.Imagine(user, "a snowman wearing sunglasses", effort: "low");
        var token = imagine["token"]!.GetValue<string>();
        server.Fake.ExpireToken(token);
        var before = server.Fake.Requests.Count;

        var (_, ack) = await server.SendAsync(imagine);

        Assert.Equal(5, ack.GetProperty("type").GetInt32());
        var sessionId = await server.NewestSessionAsync(user);
        var fallback = await server.Fake.WaitForRequestAsync(
            r => r.Sequence > before && r.Method == "POST" && r.Path == $"/channels/{FakeDiscord.DefaultChannelId}/messages" && r.CarriesImage(), FlowHelpers.Patience);
        Assert.Equal($"Bot {FakeDiscord.BotToken}", fallback.Header("Authorization"));
        Assert.Contains(server.Fake.Requests, r => r.Sequence > before && r.Path.Contains(token, StringComparison.Ordinal) && r.Status == 401);
        await server.Engine.WaitForEpisodeEndAsync(sessionId, 1);
        await server.Engine.CancelAsync(sessionId);
        await server.Engine.WaitForAsync(sessionId, s => s.IsTerminal);
    }

    private async Task<string> PostBotMessageAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.Fake.ApiBaseUrl}/channels/{FakeDiscord.DefaultChannelId}/messages")
        {
            Content = new StringContent("{\"content\":\"final image\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", FakeDiscord.BotToken);
        using var response = await server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}

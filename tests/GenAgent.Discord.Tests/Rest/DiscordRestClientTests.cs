using System.Text;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Tests.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const string Channel = "1300000000000000001";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4];
    private DiscordTestHost host = null!;

    public async Task InitializeAsync() => host = await DiscordTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Bot_routes_send_the_user_agent_and_the_bot_token()
    {
        var message = await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "hello" });

        var request = Assert.Single(host.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/channels/{Channel}/messages", request.Path);
        Assert.Equal("DiscordBot (https://github.com/genagent/genagent, 1.0)", request.Header("User-Agent"));
        Assert.Equal("Bot " + FakeDiscord.BotToken, request.Header("Authorization"));
        Assert.Equal("hello", message.Content);
        Assert.Equal(Channel, message.ChannelId);
    }

    [Fact]
    public async Task Webhook_routes_send_the_user_agent_but_no_authorization()
    {
        await host.Rest.CreateInteractionResponseAsync("1300000000000000009", "tok-1", InteractionResponse.Deferred());
        await host.Rest.EditOriginalResponseAsync(FakeDiscord.ApplicationId, "tok-1", new MessageEdit { Content = "done" });
        var followup = await host.Rest.CreateFollowupAsync(FakeDiscord.ApplicationId, "tok-1", new MessageCreate { Content = "round 1" });
        await host.Rest.EditFollowupAsync(FakeDiscord.ApplicationId, "tok-1", followup.Id, new MessageEdit { Content = "round 1 (edited)" });

        Assert.Equal(4, host.Fake.Requests.Count);
        Assert.All(host.Fake.Requests, r =>
        {
            Assert.Null(r.Header("Authorization"));
            Assert.StartsWith("DiscordBot (", r.Header("User-Agent"), StringComparison.Ordinal);
            Assert.InRange(r.Status, 200, 299);
        });
        Assert.Equal("done", (string?)host.Fake.OriginalFor("tok-1")!["content"]);
        Assert.Equal("round 1 (edited)", (string?)host.Fake.Messages[followup.Id]["content"]);
        Assert.Equal("?wait=true", host.Fake.Requests[2].Query);
    }

    [Fact]
    public async Task Files_go_as_multipart_with_payload_json_and_numbered_file_parts()
    {
        var files = new[]
        {
            new FileAttachment("round-1.png", Png, "image/png", "the first image"),
            new FileAttachment("round-2.png", [9, 8, 7], "image/png"),
        };
        var embed = new Embed { Title = "Round 1", Image = new EmbedMedia { Url = "attachment://round-1.png" } };

        var message = await host.Rest.CreateFollowupAsync(FakeDiscord.ApplicationId, "tok-2", new MessageCreate { Embeds = [embed] }, files);

        var request = Assert.Single(host.Fake.Requests);
        Assert.StartsWith("multipart/form-data", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(["payload_json", "files[0]", "files[1]"], request.Parts.Select(p => p.Name));
        Assert.Equal("round-1.png", request.Parts[1].FileName);
        Assert.Equal(Png, request.Parts[1].Content);
        Assert.Equal("image/png", request.Parts[1].ContentType);
        var attachments = request.Json!.Value.GetProperty("attachments");
        Assert.Equal("0", attachments[0].GetProperty("id").GetString());
        Assert.Equal("round-1.png", attachments[0].GetProperty("filename").GetString());
        Assert.Equal("the first image", attachments[0].GetProperty("description").GetString());
        Assert.Equal("1", attachments[1].GetProperty("id").GetString());
        Assert.Equal("attachment://round-1.png", request.Json!.Value.GetProperty("embeds")[0].GetProperty("image").GetProperty("url").GetString());
        Assert.Equal(2, message.Attachments!.Count);
        Assert.Equal("the first image", message.Attachments[0].Description);
    }

    [Fact]
    public async Task An_interaction_callback_can_carry_files()
    {
        var response = InteractionResponse.Message(new InteractionCallbackData { Content = "here" });

        await host.Rest.CreateInteractionResponseAsync("1300000000000000010", "tok-3", response, [new FileAttachment("a.png", Png, "image/png")]);

        var request = Assert.Single(host.Fake.Requests);
        Assert.Equal(["payload_json", "files[0]"], request.Parts.Select(p => p.Name));
        Assert.Equal(4, request.Json!.Value.GetProperty("type").GetInt32());
        Assert.Equal("0", request.Json!.Value.GetProperty("data").GetProperty("attachments")[0].GetProperty("id").GetString());
        Assert.Equal(204, request.Status);
    }

    [Fact]
    public async Task Editing_with_a_new_file_keeps_only_the_attachments_listed()
    {
        var first = await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "v1" }, [new FileAttachment("a.png", Png, "image/png")]);

        var edited = await host.Rest.EditMessageAsync(Channel, first.Id, new MessageEdit { Content = "v2" }, [new FileAttachment("b.png", Png, "image/png")]);

        Assert.Equal("v2", edited.Content);
        Assert.Equal("b.png", Assert.Single(edited.Attachments!).Filename);
    }

    [Fact]
    public async Task Channel_creates_carry_a_nonce_with_enforce_nonce_so_a_repeat_does_not_duplicate()
    {
        var generated = await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "auto" });
        var first = await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "round 2", Nonce = "s1-r2" });
        var repeat = await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "round 2", Nonce = "s1-r2" });

        var body = host.Fake.Requests[0].Json!.Value;
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
        Assert.InRange(body.GetProperty("nonce").GetString()!.Length, 1, DiscordLimits.NonceLength);
        Assert.Equal("s1-r2", host.Fake.Requests[1].Json!.Value.GetProperty("nonce").GetString());
        Assert.Equal(first.Id, repeat.Id);
        Assert.NotEqual(generated.Id, first.Id);
        Assert.Equal(2, host.Fake.MessagesIn(Channel).Count);
    }

    [Fact]
    public async Task An_expired_interaction_token_is_recognised()
    {
        host.Fake.ExpireToken("old-token");

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => host.Rest.CreateFollowupAsync(FakeDiscord.ApplicationId, "old-token", new MessageCreate { Content = "late" }));

        Assert.Equal(401, error.HttpStatus);
        Assert.Equal(DiscordErrorCodes.InvalidWebhookToken, error.Code);
        Assert.True(error.IsExpiredInteractionToken);
        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task A_missing_message_is_unknown_on_both_routes_and_never_an_expired_token()
    {
        var webhook = await Assert.ThrowsAsync<DiscordApiException>(
            () => host.Rest.EditFollowupAsync(FakeDiscord.ApplicationId, "tok-4", "1300000000000000077", new MessageEdit { Content = "x" }));
        var bot = await Assert.ThrowsAsync<DiscordApiException>(
            () => host.Rest.EditMessageAsync(Channel, "1300000000000000077", new MessageEdit { Content = "x" }));

        // Discord answers 10008 for a message that is gone whatever the route; only 50027 / 10015 / 10062 mean the token died.
        Assert.False(webhook.IsExpiredInteractionToken);
        Assert.True(webhook.IsUnknownMessage);
        Assert.False(bot.IsExpiredInteractionToken);
        Assert.True(bot.IsUnknownMessage);
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times()
    {
        host.Fake.Script("POST", "^/channels/", ScriptedResponse.ServerError(502), times: 10);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" }));

        Assert.Equal(502, error.HttpStatus);
        Assert.Equal(4, host.Fake.Requests.Count);
        var nonces = host.Fake.Requests.Select(r => r.Json!.Value.GetProperty("nonce").GetString()).Distinct();
        Assert.Single(nonces);
    }

    [Fact]
    public async Task A_server_error_that_clears_is_retried_to_success()
    {
        host.Fake.Script("POST", "^/channels/", ScriptedResponse.ServerError(503), times: 2);

        var message = await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" });

        Assert.Equal(3, host.Fake.Requests.Count);
        Assert.Equal("x", message.Content);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_carries_the_code()
    {
        var message = await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" });
        await host.Rest.StartThreadFromMessageAsync(Channel, message.Id, "GenAgent: a cat", 1440);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Rest.StartThreadFromMessageAsync(Channel, message.Id, "again", 1440));

        Assert.Equal(DiscordErrorCodes.ThreadAlreadyCreated, error.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(3, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task Threads_and_channels_read_back_real_shapes()
    {
        host.Fake.AddChannel(Channel, nsfw: true, name: "art");
        var channel = await host.Rest.GetChannelAsync(Channel);
        var thread = await host.Rest.StartThreadAsync(Channel, "GenAgent session", 60);

        Assert.True(channel.Nsfw);
        Assert.Equal(ChannelType.GuildText, channel.Type);
        Assert.Equal(ChannelType.PublicThread, thread.Type);
        Assert.True(thread.IsThread);
        Assert.Equal(Channel, thread.ParentId);
        Assert.Equal(60, host.Fake.Requests[1].Json!.Value.GetProperty("auto_archive_duration").GetInt32());
    }

    [Fact]
    public async Task Commands_are_bulk_overwritten_globally_or_per_guild()
    {
        ApplicationCommand[] commands =
        [
            new()
            {
                Name = "imagine",
                Description = "Make an image",
                Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "prompt", Description = "What", Required = true }],
                Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm],
                IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
            },
        ];

        var global = await host.Rest.BulkOverwriteCommandsAsync(FakeDiscord.ApplicationId, null, commands);
        // A guild's commands carry the guild context only (Discord refuses BOT_DM there).
        var guild = await host.Rest.BulkOverwriteCommandsAsync(FakeDiscord.ApplicationId, FakeDiscord.GuildId, [commands[0] with { Contexts = [InteractionContextType.Guild] }]);

        Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/commands", host.Fake.Requests[0].Path);
        Assert.Equal("PUT", host.Fake.Requests[0].Method);
        Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/guilds/{FakeDiscord.GuildId}/commands", host.Fake.Requests[1].Path);
        Assert.NotNull(Assert.Single(global).Id);
        Assert.Equal(FakeDiscord.GuildId, Assert.Single(guild).GuildId);
        var sent = host.Fake.Requests[0].Json!.Value[0];
        Assert.Equal("[0,1]", sent.GetProperty("contexts").GetRawText());
        Assert.Equal(3, sent.GetProperty("options")[0].GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Limits_are_checked_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = new string('x', DiscordLimits.MessageContentLength + 1) }));
        await Assert.ThrowsAsync<ArgumentException>(
            () => host.Rest.CreateFollowupAsync(FakeDiscord.ApplicationId, "t", new MessageCreate { Embeds = [new Embed { Description = new string('x', 4097) }] }));
        var tooLarge = await Assert.ThrowsAsync<DiscordApiException>(
            () => host.Rest.CreateMessageAsync(Channel, new MessageCreate(), [new FileAttachment("big.png", new byte[DiscordLimits.RequestBytes + 1], "image/png")]));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Rest.GetMessageAsync("../../users/@me", "1"));

        Assert.True(tooLarge.IsTooLarge);
        Assert.Empty(host.Fake.Requests);
    }

    [Fact]
    public async Task Attachments_download_from_allowed_hosts_within_the_size_limit()
    {
        var content = Encoding.UTF8.GetBytes(new string('p', 5000));
        var url = host.Fake.AddAttachment("cat.png", content);

        var downloaded = await host.Rest.DownloadAttachmentAsync(url, 10_000);
        var tooBig = await Assert.ThrowsAsync<AttachmentDownloadException>(() => host.Rest.DownloadAttachmentAsync(url, 4_999));
        var elsewhere = await Assert.ThrowsAsync<AttachmentDownloadException>(() => host.Rest.DownloadAttachmentAsync("https://169.254.169.254/latest/meta-data", 10_000));

        Assert.Equal(content, downloaded);
        Assert.Contains("4999", tooBig.Message, StringComparison.Ordinal);
        Assert.Contains("169.254.169.254", elsewhere.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Fake.Requests.Count);
        Assert.All(host.Fake.Requests, r => Assert.Null(r.Header("Authorization")));
    }

    [Fact]
    public async Task The_gateway_url_comes_from_gateway_bot()
    {
        var info = await host.Rest.GetGatewayBotAsync();

        Assert.Equal(host.Fake.GatewayUrl, info.Url);
        Assert.Equal(1, info.SessionStartLimit!.MaxConcurrency);
    }

    [Fact]
    public async Task Original_response_and_followups_can_be_read_and_deleted()
    {
        await host.Rest.CreateInteractionResponseAsync("1300000000000000011", "tok-5", InteractionResponse.Message(new InteractionCallbackData { Content = "hi" }));
        var original = await host.Rest.GetOriginalResponseAsync(FakeDiscord.ApplicationId, "tok-5");
        var followup = await host.Rest.CreateFollowupAsync(FakeDiscord.ApplicationId, "tok-5", new MessageCreate { Content = "f" });

        await host.Rest.DeleteFollowupAsync(FakeDiscord.ApplicationId, "tok-5", followup.Id);
        await host.Rest.DeleteMessageAsync(FakeDiscord.DefaultChannelId, original.Id);

        Assert.Equal("hi", original.Content);
        Assert.Equal(FakeDiscord.ApplicationId, original.WebhookId);
        Assert.Empty(host.Fake.Messages);
        var again = await Assert.ThrowsAsync<DiscordApiException>(
            () => host.Rest.CreateInteractionResponseAsync("1300000000000000011", "tok-5", InteractionResponse.DeferredUpdate()));
        Assert.Equal(DiscordErrorCodes.InteractionAlreadyAcknowledged, again.Code);
    }
}

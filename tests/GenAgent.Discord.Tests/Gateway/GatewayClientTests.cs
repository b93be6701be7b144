using System.Net.WebSockets;
using System.Text.Json;
using GenAgent.Discord.Gateway;
using GenAgent.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Discord.Tests.Gateway;

public sealed class GatewayClientTests : IAsyncLifetime
{
    private const int Guilds = 1, GuildMessages = 512, DirectMessages = 4096, MessageContent = 32768;
    private readonly RecordingDispatchHandler handler = new();
    private readonly CancellationTokenSource stop = new();
    private FakeDiscord fake = null!;
    private DiscordTestHost? host;
    private GatewayClient client = null!;
    private Task run = Task.CompletedTask;
    private GatewayTimings timings = FastTimings();

    private FakeGateway Gateway => fake.Gateway;

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        // Long enough that a cold, busy two-core runner still handles each ACK within an interval (else: a zombie reconnect).
        Gateway.HeartbeatIntervalMs = 1000;
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (GatewayFatalException)
        {
            // The tests that expect it have already asserted it.
        }

        stop.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        else
        {
            await fake.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hello_heartbeat_identify_ready_and_a_dispatch_reach_the_handler()
    {
        await StartAsync(useGatewayBot: true);

        var connection = await Gateway.NextConnectionAsync();
        var identify = (await connection.WaitForOpAsync(2)).GetProperty("d");
        await handler.WaitAsync(h => h.Readies.Count == 1);
        await fake.DispatchAsync("MESSAGE_CREATE", Message("m1", "hello <@" + FakeDiscord.BotUserId + ">"));
        await handler.WaitAsync(h => h.Messages.Count == 1);
        await connection.RequestHeartbeatAsync();
        var beat = await WaitForHeartbeatWithAsync(connection, 2);

        Assert.Equal("/gateway/", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.Contains(fake.Requests, r => r.Path == "/gateway/bot");
        Assert.Equal(FakeDiscord.BotToken, identify.GetProperty("token").GetString());
        Assert.Equal(Guilds | GuildMessages | DirectMessages, identify.GetProperty("intents").GetInt32());
        Assert.True(identify.GetProperty("properties").TryGetProperty("os", out _));
        Assert.Equal(FakeDiscord.BotUserId, handler.Readies[0].Id);
        Assert.Equal(FakeDiscord.BotUserId, client.BotUser!.Id);
        var message = handler.Messages[0];
        Assert.Equal("m1", message.Id);
        Assert.Equal("author-1", message.Author!.Id);
        Assert.Equal(2, beat.GetProperty("d").GetInt64());
        Assert.Equal(2, client.Sequence);
    }

    [Fact]
    public async Task The_first_heartbeat_of_a_fresh_session_sends_null()
    {
        Gateway.AutoReady = false;
        await StartAsync();

        var connection = await Gateway.NextConnectionAsync();
        var beat = await connection.WaitForOpAsync(1);

        Assert.Equal(JsonValueKind.Null, beat.GetProperty("d").ValueKind);
    }

    [Fact]
    public async Task Message_content_is_asked_for_only_when_configured()
    {
        await StartAsync(configure: s => s["Discord:MessageContent"] = "true");

        var identify = (await (await Gateway.NextConnectionAsync()).WaitForOpAsync(2)).GetProperty("d");

        Assert.Equal(Guilds | GuildMessages | DirectMessages | MessageContent, identify.GetProperty("intents").GetInt32());
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    [InlineData(-1)]
    public async Task A_forced_disconnect_resumes_the_session_on_the_resume_url(int closeCode)
    {
        await StartAsync();
        var first = await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);
        await fake.DispatchAsync("MESSAGE_CREATE", Message("m1", "hi"));
        await handler.WaitAsync(h => h.Messages.Count == 1);

        if (closeCode < 0)
        {
            first.Abort();
        }
        else
        {
            await first.CloseAsync(closeCode, "forced");
        }

        var second = await Gateway.NextConnectionAsync();
        var resume = await second.WaitForOpAsync(6);
        await fake.DispatchAsync("MESSAGE_CREATE", Message("m2", "after resume"));
        await handler.WaitAsync(h => h.Messages.Count == 2);

        Assert.Equal("/resume/", second.Path);
        Assert.Empty(second.ReceivedOp(2));
        Assert.Equal(Gateway.SessionId, resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("d").GetProperty("seq").GetInt64());
        Assert.Equal(FakeDiscord.BotToken, resume.GetProperty("d").GetProperty("token").GetString());
        Assert.Single(handler.Readies);
        Assert.Equal("after resume", handler.Messages[1].Content);
    }

    [Fact]
    public async Task A_missed_heartbeat_ack_drops_the_connection_and_resumes()
    {
        Gateway.AutoAck = false;
        Gateway.HeartbeatIntervalMs = 100;
        await StartAsync();
        var first = await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);

        var second = await Gateway.NextConnectionAsync();
        Gateway.AutoAck = true;
        var resume = await second.WaitForOpAsync(6);
        var closedWith = await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("/resume/", second.Path);
        Assert.Equal(Gateway.SessionId, resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, closedWith);
        Assert.NotEqual(WebSocketCloseStatus.EndpointUnavailable, closedWith);
        Assert.True(first.ReceivedOp(1).Any());
    }

    [Fact]
    public async Task Reconnect_closes_without_ending_the_session_and_resumes()
    {
        await StartAsync();
        var first = await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);

        await first.SendReconnectAsync();
        var second = await Gateway.NextConnectionAsync();
        var resume = await second.WaitForOpAsync(6);
        var closedWith = await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal((WebSocketCloseStatus)4000, closedWith);
        Assert.Equal(Gateway.SessionId, resume.GetProperty("d").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Invalid_session_not_resumable_identifies_afresh()
    {
        await StartAsync();
        var first = await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);
        var oldSession = Gateway.SessionId;

        await first.SendInvalidSessionAsync(resumable: false);
        var second = await Gateway.NextConnectionAsync();
        await second.WaitForOpAsync(2);
        await handler.WaitAsync(h => h.Readies.Count == 2);

        Assert.Equal("/gateway/", second.Path);
        Assert.Empty(second.ReceivedOp(6));
        Assert.NotEqual(oldSession, client.SessionId);
        Assert.Equal(Gateway.SessionId, client.SessionId);
    }

    [Fact]
    public async Task Identifies_are_spaced_by_the_identify_rate_limit()
    {
        timings = FastTimings() with { IdentifySpacing = TimeSpan.FromMilliseconds(600) };
        await StartAsync();
        var first = await Gateway.NextConnectionAsync();
        await first.WaitForOpAsync(2);

        await first.SendInvalidSessionAsync(resumable: false);
        var second = await Gateway.NextConnectionAsync();
        await second.WaitForOpAsync(2);

        // A lower bound only: a slow machine can make the gap longer, never shorter.
        var gap = second.ArrivalOf(2) - first.ArrivalOf(2);
        Assert.True(gap >= TimeSpan.FromMilliseconds(550), $"the second IDENTIFY came {gap.TotalMilliseconds:F0} ms after the first");
    }

    [Fact]
    public async Task Invalid_session_resumable_resumes()
    {
        await StartAsync();
        var first = await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);

        await first.SendInvalidSessionAsync(resumable: true);
        var second = await Gateway.NextConnectionAsync();
        var resume = await second.WaitForOpAsync(6);

        Assert.Equal(Gateway.SessionId, resume.GetProperty("d").GetProperty("session_id").GetString());
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_codes_that_end_the_session_identify_afresh(int closeCode)
    {
        await StartAsync();
        var first = await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);

        await first.CloseAsync(closeCode, "session gone");
        var second = await Gateway.NextConnectionAsync();
        await second.WaitForOpAsync(2);

        Assert.Equal("/gateway/", second.Path);
        Assert.Empty(second.ReceivedOp(6));
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Fatal_close_codes_stop_the_client_without_reconnecting(int closeCode)
    {
        await StartAsync();
        var first = await Gateway.NextConnectionAsync();
        await first.WaitForOpAsync(2);

        await first.CloseAsync(closeCode, "nope");
        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(closeCode, error.CloseCode);
        Assert.Single(Gateway.Connections);
    }

    [Fact]
    public async Task A_heartbeat_request_from_the_server_is_answered_at_once()
    {
        Gateway.HeartbeatIntervalMs = 600_000;
        await StartAsync();
        var connection = await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);
        var before = connection.ReceivedOp(1).Count();

        await connection.RequestHeartbeatAsync();
        var beat = await connection.WaitForOpAsync(1, before + 1, TimeSpan.FromSeconds(5));

        Assert.Equal(1, beat.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task A_dispatch_spanning_many_frames_arrives_whole()
    {
        await StartAsync();
        await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);
        var content = string.Concat(Enumerable.Repeat("a long prompt ", 5000));

        await fake.DispatchAsync("MESSAGE_CREATE", Message("big", content));
        await handler.WaitAsync(h => h.Messages.Count == 1);

        Assert.Equal(content, handler.Messages[0].Content);
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_later_events()
    {
        handler.FailOnContent = "boom";
        await StartAsync();
        await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);

        await fake.DispatchAsync("MESSAGE_CREATE", Message("m1", "boom"));
        await fake.DispatchAsync("MESSAGE_CREATE", Message("m2", "fine"));
        await handler.WaitAsync(h => h.Messages.Count == 2);

        Assert.Equal(["m1", "m2"], handler.Messages.Select(m => m.Id));
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task An_integer_nonce_is_read_and_a_message_that_does_not_read_is_skipped_without_stopping_the_client()
    {
        await StartAsync();
        await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);

        await fake.DispatchAsync("MESSAGE_CREATE", Message("m1", "integer nonce"));
        await fake.DispatchAsync("MESSAGE_CREATE", new Dictionary<string, object?> { ["id"] = "m2", ["channel_id"] = FakeDiscord.DefaultChannelId, ["mentions"] = "not a list", ["nonce"] = new List<int> { 1 } });
        await fake.DispatchAsync("MESSAGE_CREATE", Message("m3", "after the bad one"));
        await handler.WaitAsync(h => h.Messages.Count == 2);

        Assert.Equal(["m1", "m3"], handler.Messages.Select(m => m.Id));
        Assert.Equal("1184000000000000001", handler.Messages[0].Nonce);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Stopping_closes_normally()
    {
        await StartAsync();
        var connection = await Gateway.NextConnectionAsync();
        await handler.WaitAsync(h => h.Readies.Count == 1);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.Closed.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task The_hosted_service_runs_the_client()
    {
        host = await DiscordTestHost.StartAsync(
            services: services => services.AddSingleton<IGatewayDispatchHandler>(handler).AddSingleton(FastTimings()).AddDiscordGateway(),
            fake: fake);
        var service = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<GatewayService>().Single();

        await service.StartAsync(CancellationToken.None);
        await handler.WaitAsync(h => h.Readies.Count == 1);
        await service.StopAsync(CancellationToken.None);

        Assert.Single(Gateway.Connections);
    }

    private async Task StartAsync(bool useGatewayBot = false, Action<Dictionary<string, string?>>? configure = null)
    {
        host = await DiscordTestHost.StartAsync(
            settings =>
            {
                // Most deployments let /gateway/bot choose; the override is exercised everywhere else.
                settings["Discord:GatewayUrl"] = useGatewayBot ? null : fake.GatewayUrl;
                configure?.Invoke(settings);
            },
            services => services.AddSingleton<IGatewayDispatchHandler>(handler).AddSingleton(timings).AddDiscordGateway(),
            fake);

        client = host.Services.GetRequiredService<GatewayClient>();
        run = Task.Run(() => client.RunAsync(stop.Token));
    }

    private static GatewayTimings FastTimings() => new()
    {
        InvalidSessionMinDelay = TimeSpan.FromMilliseconds(10),
        InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(30),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        IdentifySpacing = TimeSpan.FromMilliseconds(20),
        HelloTimeout = TimeSpan.FromSeconds(5),
    };

    private static Dictionary<string, object?> Message(string id, string content) => new()
    {
        ["id"] = id,
        ["channel_id"] = FakeDiscord.DefaultChannelId,
        ["guild_id"] = FakeDiscord.GuildId,
        ["content"] = content,
        // Discord documents the nonce as an integer or a string; clients send integers.
        ["nonce"] = 1_184_000_000_000_000_001,
        ["author"] = new { id = "author-1", username = "alice", bot = false },
        ["mentions"] = new[] { new { id = FakeDiscord.BotUserId, username = "GenAgent", bot = true } },
        ["attachments"] = Array.Empty<object>(),
    };

    private static async Task<JsonElement> WaitForHeartbeatWithAsync(FakeGatewayConnection connection, long sequence)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var beat = connection.ReceivedOp(1).FirstOrDefault(b => b.GetProperty("d").ValueKind == JsonValueKind.Number && b.GetProperty("d").GetInt64() == sequence);
            if (beat.ValueKind != JsonValueKind.Undefined)
            {
                return beat;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"No heartbeat carried seq {sequence}.");
    }
}

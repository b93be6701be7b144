using GenAgent.Bot.Hosting;
using GenAgent.Core.Images;
using GenAgent.Discord.Gateway;
using GenAgent.Discord.Sessions.Chat;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Discord.Sessions.Tests.Bot;

/// <summary>
/// The gateway worker as <c>dotnet run --project bot</c> builds it (<see cref="BotHost"/>), on the offline profile and
/// the in-process engine, connected through its real GatewayService to a fake Discord's gateway on 127.0.0.1.
/// </summary>
public sealed class BotServer : IAsyncLifetime
{
    private readonly string _storePath = Directory.CreateTempSubdirectory("genagent-bot-").FullName;
    private BotApplication _bot = null!;

    public FakeDiscord Fake { get; private set; } = null!;

    public TestKeys Keys { get; } = new();

    public ISessionEngine Engine => _bot.Services.GetRequiredService<ISessionEngine>();

    public IImageStore Store => _bot.Services.GetRequiredService<IImageStore>();

    public IDiscordSessionLinks Links => _bot.Services.GetRequiredService<IDiscordSessionLinks>();

    public async Task InitializeAsync()
    {
        Fake = await FakeDiscord.StartAsync();
        // Slow heartbeats: a loaded test machine must not miss an ACK and reconnect mid-test.
        Fake.Gateway.HeartbeatIntervalMs = 20_000;
        var settings = Fake.Settings(Keys.PublicKeyHex, withGatewayUrl: true);
        settings["GenAgent:Store:Path"] = _storePath;
        settings["Discord:PublicBaseUrl"] = "https://genagent.example.test";
        settings["Discord:FollowUpWindowSeconds"] = "600";
        settings["Logging:LogLevel:Default"] = "Warning";
        _bot = await BotHost.BuildAsync([], configuration => configuration.AddInMemoryCollection(settings));
        await _bot.Host.StartAsync();
        // Dispatches go out after READY reached the handler, so it knows which mentions are its own.
        var handler = (DiscordChatHandler)_bot.Services.GetRequiredService<IGatewayDispatchHandler>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (handler.BotUser is null) await Task.Delay(20, patience.Token);
    }

    public async Task DisposeAsync()
    {
        await _bot.Host.StopAsync();
        await _bot.DisposeAsync();
        await Fake.DisposeAsync();
        Keys.Dispose();
        Directory.Delete(_storePath, recursive: true);
    }

    /// <summary>A MESSAGE_CREATE as Discord sends it for a guild message; returns the message id.</summary>
    public async Task<string> SayAsync(string channelId, string content, bool mention, bool authorIsBot = false, object[]? attachments = null, string? guildId = FakeDiscord.GuildId)
    {
        var id = Fake.NewId();
        var author = new { id = authorIsBot ? "1400000000000000009" : "1300000000000000001", username = authorIsBot ? "otherbot" : "ada", bot = authorIsBot };
        var mentions = mention ? new object[] { new { id = FakeDiscord.BotUserId, username = "GenAgent", bot = true } } : [];
        var text = mention ? $"<@{FakeDiscord.BotUserId}> {content}" : content;
        var message = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["content"] = text,
            ["author"] = author,
            ["mentions"] = mentions,
            ["attachments"] = attachments ?? [],
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        if (guildId is not null) message["guild_id"] = guildId;
        await Fake.Gateway.DispatchAsync("MESSAGE_CREATE", message);
        return id;
    }
}

using System.Text.Json;
using GenAgent.Api;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Discord.Wire;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Progress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Discord.Sessions.Tests.Posting;

/// <summary>
/// An in-process engine on the offline profile whose activities post to a fake Discord on 127.0.0.1, wired the way
/// <c>genagent serve</c> wires it (<c>AddDiscordProgressPosts</c>). Each test starts its own sessions with its own link.
/// </summary>
public sealed class PostingHost : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://genagent.example.test";

    private readonly string _storePath = Directory.CreateTempSubdirectory("genagent-posts-").FullName;

    public FakeDiscord Fake { get; private set; } = null!;

    public TestKeys Keys { get; } = new();

    public InProcessSessionEngine Engine { get; private set; } = null!;

    public IImageStore Store { get; private set; } = null!;

    public IDiscordSessionLinks Links { get; private set; } = null!;

    public DiscordRestClient Rest => Engine.Services.GetRequiredService<DiscordRestClient>();

    public async Task InitializeAsync()
    {
        Fake = await FakeDiscord.StartAsync();
        var settings = Fake.Settings(Keys.PublicKeyHex);
        settings["Discord:PublicBaseUrl"] = PublicBaseUrl;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = ProfileConfiguration.Bind(new ConfigurationBuilder().AddGenAgentProfiles().Build(), "offline");
        options.Store.Path = _storePath;
        Engine = await InProcessSessionEngine.CreateAsync(services =>
        {
            services.AddGenAgentCore(options);
            services.AddDiscordProgressPosts(configuration, new ApiOptions());
        });
        Store = Engine.Services.GetRequiredService<IImageStore>();
        Links = Engine.Services.GetRequiredService<IDiscordSessionLinks>();
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Fake.DisposeAsync();
        Keys.Dispose();
        Directory.Delete(_storePath, recursive: true);
    }

    /// <summary>The Discord observer as the publish activity resolves it.</summary>
    public ISessionObserver Observer => Engine.Services.GetServices<ISessionObserver>().Single();

    /// <summary>A deferred "thinking" response for a new interaction, as the endpoint sends it; returns its token.</summary>
    public async Task<string> DeferAsync(bool ephemeral = false)
    {
        var token = "token-" + Guid.NewGuid().ToString("N");
        await Rest.CreateInteractionResponseAsync(Fake.NewId(), token, InteractionResponse.Deferred(ephemeral));
        return token;
    }

    /// <summary>A link for a slash-command session in the fake's default channel, with a fresh token.</summary>
    public static DiscordSessionLink Link(string sessionId, string? token, bool useThread, long attachmentLimit = 0, DateTimeOffset? issuedAt = null) => new()
    {
        SessionId = sessionId,
        ApplicationId = FakeDiscord.ApplicationId,
        InteractionToken = token,
        TokenIssuedAt = issuedAt ?? DateTimeOffset.UtcNow,
        GuildId = FakeDiscord.GuildId,
        ChannelId = FakeDiscord.DefaultChannelId,
        UserId = "1300000000000000001",
        AttachmentSizeLimit = attachmentLimit,
        Prompt = "a photo of two red clocks on the left and a blue bus on the right",
        UseThread = useThread,
    };

    /// <summary>Saves <paramref name="link"/>, runs its session to the end (no follow-up window) and returns the trajectory.</summary>
    public async Task<Trajectory> RunAsync(DiscordSessionLink link, int maxImages = 2, Effort effort = Effort.Medium)
    {
        await Links.SaveAsync(link);
        var options = new SessionOptions { MaxImages = maxImages, FollowUpWindowSeconds = 0, Effort = effort, Candidates = 2 };
        await Engine.StartAsync(new SessionRequest(link.Prompt, options), link.SessionId);
        var done = await Engine.WaitForCompletionAsync(link.SessionId);
        return done.Trajectory ?? throw new InvalidOperationException($"Session {link.SessionId} ended without a trajectory: {done.FailureMessage}");
    }

    public static string NewSessionId() => "posts" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Requests whose path starts with <paramref name="prefix"/> and method is <paramref name="method"/>.</summary>
    public IReadOnlyList<RecordedRequest> Requests(string method, string prefix) =>
        [.. Fake.Requests.Where(r => r.Method == method && r.Path.StartsWith(prefix, StringComparison.Ordinal))];

    public static string EmbedImageUrl(RecordedRequest request) =>
        request.Json!.Value.GetProperty("embeds")[0].GetProperty("image").GetProperty("url").GetString()!;

    public static string EmbedTitle(RecordedRequest request) =>
        request.Json!.Value.GetProperty("embeds")[0].GetProperty("title").GetString()!;

    public static IEnumerable<JsonElement> Buttons(RecordedRequest request) =>
        request.Json!.Value.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray());
}

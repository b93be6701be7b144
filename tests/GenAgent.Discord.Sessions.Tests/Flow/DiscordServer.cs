using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAgent.Api;
using GenAgent.Api.Hosting;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Discord.Sessions.Tests.Flow;

/// <summary>
/// <c>genagent serve</c> with Discord configured, built the way ServeCommand builds it (the engine gets the progress
/// posts, ServeHost gets the interactions endpoint), on the offline profile, with a fake Discord on 127.0.0.1 as the API.
/// </summary>
public class DiscordServer : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://genagent.example.test";

    private readonly string _storePath = Directory.CreateTempSubdirectory("genagent-discord-").FullName;
    private WebApplication _app = null!;

    public FakeDiscord Fake { get; private set; } = null!;

    public TestKeys Keys { get; } = new();

    public InProcessSessionEngine Engine { get; private set; } = null!;

    public IImageStore Store { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public string InteractionsUrl => DiscordInteractionsEndpoint.Route;

    public const string PerRequestEngineRoute = "/test/per-request-engine";

    /// <summary>The per-request handler over an engine whose start fails at once.</summary>
    public const string FailingStartRoute = "/test/per-request-engine/failing-start";

    /// <summary>The per-request handler over an engine whose start fails after 3 s, past the 1.5 s start budget.</summary>
    public const string SlowFailingStartRoute = "/test/per-request-engine/slow-failing-start";

    internal GenAgent.Discord.Sessions.Tests.Interactions.ScriptedStartEngine FailingStart { get; private set; } = null!;

    internal GenAgent.Discord.Sessions.Tests.Interactions.ScriptedStartEngine SlowFailingStart { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeDiscord.StartAsync();
        var settings = Fake.Settings(Keys.PublicKeyHex);
        settings["Discord:PublicBaseUrl"] = PublicBaseUrl;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var options = ProfileConfiguration.Bind(new ConfigurationBuilder().AddGenAgentProfiles().Build(), "offline");
        options.Store.Path = _storePath;
        var api = Api(options);
        Engine = await InProcessSessionEngine.CreateAsync(services =>
        {
            services.AddGenAgentCore(options);
            services.AddDiscordProgressPosts(configuration, api);
        });
        Store = Engine.Services.GetRequiredService<IImageStore>();
        FailingStart = new GenAgent.Discord.Sessions.Tests.Interactions.ScriptedStartEngine(Engine, TimeSpan.Zero, fail: true);
        SlowFailingStart = new GenAgent.Discord.Sessions.Tests.Interactions.ScriptedStartEngine(Engine, TimeSpan.FromSeconds(3), fail: true);
        _app = ServeHost.Build(Engine, Store, api, "http://127.0.0.1:0", configure: builder => builder.Services.AddDiscordSessions(configuration));
        _app.MapDiscordInteractions();
        // The Functions trigger's shape: a handler made per request over a given engine (DiscordInteractionsFunction).
        _app.MapPost(PerRequestEngineRoute, (HttpContext context, CancellationToken cancellationToken) =>
            DiscordSessionsServiceCollectionExtensions.CreateHandler(context.RequestServices, Engine).HandleAsync(context.Request, cancellationToken));
        _app.MapPost(FailingStartRoute, (HttpContext context, CancellationToken cancellationToken) =>
            DiscordSessionsServiceCollectionExtensions.CreateHandler(context.RequestServices, FailingStart).HandleAsync(context.Request, cancellationToken));
        _app.MapPost(SlowFailingStartRoute, (HttpContext context, CancellationToken cancellationToken) =>
            DiscordSessionsServiceCollectionExtensions.CreateHandler(context.RequestServices, SlowFailingStart).HandleAsync(context.Request, cancellationToken));
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()), Timeout = TimeSpan.FromMinutes(1) };
    }

    /// <summary>The API options of this server; by default the API's own defaults (every tool, the stock budgets).</summary>
    protected virtual ApiOptions Api(GenAgentOptions options) => new();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Engine.DisposeAsync();
        await Fake.DisposeAsync();
        Keys.Dispose();
        await DeleteStoreAsync();
    }

    /// <summary>
    /// The temporary store goes last. A post or record started just before the engine stopped (an interaction's work
    /// after its answer) may still be writing a file there, so a delete that races it is tried again, then left to the
    /// temp folder's own cleanup rather than failing the collection.
    /// </summary>
    private async Task DeleteStoreAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(_storePath, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(200);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Posts <paramref name="interaction"/> signed with the application's key and returns the status and the JSON answer.
    /// Like Discord, the fake then acts on the answer (a deferred answer becomes the "thinking" message the posts edit).
    /// </summary>
    public async Task<(int Status, JsonElement Body)> SendAsync(JsonObject interaction, string? route = null)
    {
        var token = interaction["token"]!.GetValue<string>();
        var owners = interaction["authorizing_integration_owners"]?.AsObject();
        var userInstallOnly = owners is not null && owners.ContainsKey("1") && !owners.ContainsKey("0");
        if (interaction["channel_id"]?.GetValue<string>() is { } channel)
            Fake.RegisterInteraction(token, channel, userInstallOnly, interaction["message"]?["id"]?.GetValue<string>());
        using var request = Keys.SignedRequest(route ?? InteractionsUrl, interaction.ToJsonString());
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode && text.Length > 0)
        {
            using var relay = new StringContent(text, Encoding.UTF8, "application/json");
            using var relayed = await Http.PostAsync(new Uri($"{Fake.ApiBaseUrl}/interactions/{interaction["id"]}/{token}/callback"), relay);
        }
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts raw bytes with the given headers (for the signature tests).</summary>
    public async Task<int> SendRawAsync(byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, InteractionsUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public static byte[] Utf8(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString());
}

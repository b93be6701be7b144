using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Discord.Tests.Fakes;

/// <summary>
/// Discord on 127.0.0.1: the REST routes GenAgent calls (answering real-shaped JSON and keeping the messages, threads and
/// commands it creates), a CDN for attachments, and a gateway WebSocket (<see cref="Gateway"/>). Every request is
/// recorded; responses can be scripted (429s, 5xx, error codes), tokens expired and rate-limit buckets emulated.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string ApplicationId = "1100000000000000001";
    public const string BotUserId = "1100000000000000002";
    public const string BotToken = "fake-bot-token.abc";
    public const string GuildId = "1100000000000000003";
    public const string DefaultChannelId = "1100000000000000004";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly List<(string Method, Regex Path, ScriptedResponse Response)> scripted = [];
    private readonly Lock scriptLock = new();
    private readonly ConcurrentDictionary<string, byte> expiredTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> cdn = new(StringComparer.Ordinal);
    private long sequence;
    private long nextId = 1200000000000000000;

    private FakeDiscord(WebApplication app)
    {
        this.app = app;
        Gateway = new FakeGateway(this);
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where <c>Discord:ApiBaseUrl</c> points.</summary>
    public string ApiBaseUrl => BaseUrl + "/api/v10";

    /// <summary>What <c>GET /gateway/bot</c> answers; the client appends <c>/?v=10&amp;encoding=json</c>.</summary>
    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    /// <summary>The resume_gateway_url READY hands out, a different path so tests see where a RESUME went.</summary>
    public string ResumeGatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public FakeGateway Gateway { get; }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests.OrderBy(r => r.Sequence)];

    /// <summary>
    /// Requests that arrived while a route was rate limited (an emulated bucket exhausted, or within retry_after of a
    /// 429, for a global one on any route). Each is a client bug: Discord bans IPs that make too many.
    /// </summary>
    public int RateLimitViolations => (int)Interlocked.Read(ref rateLimitViolations);

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    /// <summary>
    /// Configuration that points a client at this fake (keys as in appsettings: <c>Discord:ApiBaseUrl</c> ...), with
    /// retries fast enough for tests. Add or override keys in the returned dictionary.
    /// </summary>
    public Dictionary<string, string?> Settings(string publicKeyHex, bool withGatewayUrl = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = publicKeyHex,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:BotToken"] = BotToken,
            ["Discord:ApiBaseUrl"] = ApiBaseUrl,
            ["Discord:RetryBaseDelay"] = "00:00:00.010",
            ["Discord:MaxRateLimitWait"] = "00:00:10",
        };
        if (withGatewayUrl)
        {
            settings["Discord:GatewayUrl"] = GatewayUrl;
        }

        return settings;
    }

    /// <summary>Answers the next <paramref name="times"/> requests matching with <paramref name="response"/>.</summary>
    /// <param name="method">GET, POST, ... or * for any.</param>
    /// <param name="pathPattern">A regex over the path under the API base, e.g. <c>^/channels/\d+/messages$</c>.</param>
    public void Script(string method, string pathPattern, ScriptedResponse response, int times = 1)
    {
        lock (scriptLock)
        {
            for (var i = 0; i < times; i++)
            {
                scripted.Add((method, new Regex(pathPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), response));
            }
        }
    }

    /// <summary>From now on every interaction and webhook call with this token fails 401 / 50027, as after 15 minutes.</summary>
    public void ExpireToken(string token) => expiredTokens[token] = 0;

    /// <summary>Serves <paramref name="content"/> on the fake CDN and returns its URL.</summary>
    public string AddAttachment(string fileName, byte[] content)
    {
        cdn[fileName] = content;
        return $"{BaseUrl}/attachments/{Uri.EscapeDataString(fileName)}";
    }

    public string NewId() => Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until a request matching <paramref name="predicate"/> has arrived, and returns the first such.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Requests.FirstOrDefault(predicate) is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(10, cts.Token);
            }
            catch (OperationCanceledException e)
            {
                throw new TimeoutException("No matching request reached the fake Discord. Received: " + string.Join(", ", Requests), e);
            }
        }
    }

    /// <summary>Sends a dispatch on the newest gateway connection.</summary>
    public Task DispatchAsync(string type, object data) => Gateway.DispatchAsync(type, data);

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/gateway", StringComparison.Ordinal) || path.StartsWith("/resume", StringComparison.Ordinal))
        {
            await Gateway.AcceptAsync(context);
            return;
        }

        var recorded = await RecordAsync(context, path.StartsWith("/api/v10", StringComparison.Ordinal) ? path["/api/v10".Length..] : path);
        if (path.StartsWith("/attachments/", StringComparison.Ordinal))
        {
            var found = cdn.TryGetValue(Uri.UnescapeDataString(path["/attachments/".Length..]), out var bytes);
            recorded.Status = found ? 200 : 404;
            context.Response.StatusCode = recorded.Status;
            if (bytes is not null)
            {
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes);
            }

            return;
        }

        var (status, json, headers) = Respond(recorded);
        recorded.Status = status;
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context, string path)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        request.Body.Position = 0;
        var parts = new List<RecordedPart>();
        JsonElement? json = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var field in form)
            {
                var value = field.Value.ToString();
                parts.Add(new RecordedPart(field.Key, null, null, System.Text.Encoding.UTF8.GetBytes(value)));
                if (field.Key == "payload_json")
                {
                    json = JsonDocument.Parse(value).RootElement.Clone();
                }
            }

            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content);
                parts.Add(new RecordedPart(file.Name, file.FileName, file.ContentType, content.ToArray()));
            }
        }
        else if (buffer.Length > 0 && request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            json = JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
        }

        var recorded = new RecordedRequest
        {
            Sequence = Interlocked.Increment(ref sequence),
            Method = request.Method,
            Path = path,
            Query = request.QueryString.Value ?? "",
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = buffer.ToArray(),
            Json = json,
            Parts = parts,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        requests.Enqueue(recorded);
        return recorded;
    }

    private ScriptedResponse? TakeScripted(RecordedRequest request)
    {
        lock (scriptLock)
        {
            var index = scripted.FindIndex(s => (s.Method == "*" || s.Method == request.Method) && s.Path.IsMatch(request.Path));
            if (index < 0)
            {
                return null;
            }

            var found = scripted[index].Response;
            scripted.RemoveAt(index);
            return found;
        }
    }

    private static string Serialize(JsonNode node) => node.ToJsonString();
}

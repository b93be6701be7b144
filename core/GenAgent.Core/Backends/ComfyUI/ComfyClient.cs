using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.ComfyUI;

/// <summary>
/// One job on a ComfyUI server, through its HTTP API: <c>POST /prompt</c> queues the workflow (a 400 carries the
/// validation errors per node), <c>GET /history/{id}</c> is polled until the job ends (its messages carry an
/// execution error), <c>GET /view</c> fetches the output image, <c>POST /upload/image</c> sends an edit's source. A
/// job the server no longer knows (it restarted) is a transient failure, so the workflow's retry queues it again; a
/// cancelled call takes its own job out of the queue and interrupts it by id, never another client's.
/// </summary>
internal sealed class ComfyClient
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan QueueCheckInterval = TimeSpan.FromSeconds(2);

    private readonly HttpClient httpClient;
    private readonly ToolOptions options;
    private readonly string section;
    private readonly Uri baseUri;
    private readonly string clientId = Guid.NewGuid().ToString("N");

    public ComfyClient(HttpClient httpClient, ToolOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        this.httpClient = httpClient;
        this.options = options;
        this.section = section;
        baseUri = BackendUri.Require(options.BaseUrl, section, BackendNames.ComfyUI);
        Source = $"the {section.ToLowerInvariant()} ComfyUI at {baseUri.Authority}";
    }

    public string Source { get; }

    /// <summary>The seed as KSampler takes it: 0 or more.</summary>
    public static long SeedOf(long seed) => seed & long.MaxValue;

    public async Task<GeneratedImage> RunAsync(JsonObject workflow, CancellationToken cancellationToken)
    {
        var promptId = await QueueAsync(workflow, cancellationToken).ConfigureAwait(false);
        // The job may wait behind other clients' jobs; past the tool's timeout it is given up (and taken out of the
        // queue) as a transient failure, so the workflow's bounded retry decides what happens next.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            var outputs = await WaitAsync(promptId, deadline.Token).ConfigureAwait(false);
            var image = FirstImage(outputs) ?? throw new PermanentToolException($"{Source} finished job {promptId} without an output image; the workflow needs a SaveImage node.");
            var query = $"view?filename={Uri.EscapeDataString(image.Name)}&subfolder={Uri.EscapeDataString(image.Subfolder)}&type={Uri.EscapeDataString(image.Type)}";
            var (bytes, _) = await SendAsync(HttpMethod.Get, query, content: null, cancellationToken).ConfigureAwait(false);
            return ReplyImage.FromBytes(bytes, options.CostPerImage, Source);
        }
        catch (Exception stopped) when (deadline.IsCancellationRequested && stopped is OperationCanceledException or TransientToolException)
        {
            await CancelAsync(promptId).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new TransientToolException($"{Source} did not finish job {promptId} within {options.TimeoutSeconds} s (GenAgent:{section}:TimeoutSeconds).");
        }
    }

    /// <summary>Uploads an edit's source image and returns the name LoadImage reads it by.</summary>
    public async Task<string> UploadAsync(byte[] png, CancellationToken cancellationToken)
    {
        // Named by content, so a retried upload overwrites the same file instead of filling the input folder.
        var name = $"genagent-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(png))[..16].ToLowerInvariant()}.png";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", name);
        form.Add(new StringContent("true"), "overwrite");
        var (bytes, _) = await SendAsync(HttpMethod.Post, "upload/image", form, cancellationToken).ConfigureAwait(false);
        var reply = Parse(bytes, "an upload reply");
        var uploaded = reply["name"]?.GetValue<string>() ?? throw new PermanentToolException($"{Source} answered the upload without a name.");
        return reply["subfolder"]?.GetValue<string>() is { Length: > 0 } folder ? $"{folder}/{uploaded}" : uploaded;
    }

    private async Task<string> QueueAsync(JsonObject workflow, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["prompt"] = workflow, ["client_id"] = clientId }.ToJsonString();
        using var message = new HttpRequestMessage(HttpMethod.Post, BackendUri.Append(baseUri, "prompt")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        BackendAuth.Apply(message, baseUri, options.ApiKey);
        var (status, text) = await ExchangeAsync(message, cancellationToken).ConfigureAwait(false);
        if (status == 400 && NodeErrors(text) is { } invalid) throw new PermanentToolException($"{Source} refused the workflow: {invalid}");
        if (status is < 200 or > 299) throw BackendFailures.FromStatus(status, text, Source, section);
        return Parse(Encoding.UTF8.GetBytes(text), "a queued prompt")["prompt_id"]?.GetValue<string>()
            ?? throw new PermanentToolException($"{Source} queued the workflow without a prompt_id: {BackendFailures.Excerpt(text)}");
    }

    /// <summary>Polls the job's history until it ends; its outputs, or a permanent failure with the node that failed.</summary>
    private async Task<JsonObject> WaitAsync(string promptId, CancellationToken cancellationToken)
    {
        var sinceQueueCheck = TimeSpan.Zero;
        while (true)
        {
            var (bytes, _) = await SendAsync(HttpMethod.Get, $"history/{Uri.EscapeDataString(promptId)}", content: null, cancellationToken).ConfigureAwait(false);
            if (Parse(bytes, "a history reply")[promptId] is JsonObject entry && entry["status"] is JsonObject status
                && (status["completed"]?.GetValue<bool>() == true || status["status_str"]?.GetValue<string>() == "error"))
            {
                if (status["status_str"]?.GetValue<string>() == "error") throw new PermanentToolException($"{Source} failed job {promptId}: {ExecutionError(status)}");
                return entry["outputs"] as JsonObject ?? [];
            }
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            sinceQueueCheck += PollInterval;
            if (sinceQueueCheck < QueueCheckInterval) continue;
            sinceQueueCheck = TimeSpan.Zero;
            // A restarted server has forgotten its queue: the job will never show up in the history.
            var (queue, _) = await SendAsync(HttpMethod.Get, "queue", content: null, cancellationToken).ConfigureAwait(false);
            if (!Encoding.UTF8.GetString(queue).Contains(promptId, StringComparison.Ordinal)
                && Parse((await SendAsync(HttpMethod.Get, $"history/{Uri.EscapeDataString(promptId)}", content: null, cancellationToken).ConfigureAwait(false)).Bytes, "a history reply")[promptId] is null)
            {
                throw new TransientToolException($"{Source} no longer knows job {promptId} (it restarted?); it will be queued again.");
            }
        }
    }

    /// <summary>Best effort, and never with the caller's cancelled token: our job out of the queue, and interrupted if it runs.</summary>
    private async Task CancelAsync(string promptId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await SendAsync(HttpMethod.Post, "queue", Json(new JsonObject { ["delete"] = new JsonArray(promptId) }), timeout.Token).ConfigureAwait(false);
            await SendAsync(HttpMethod.Post, "interrupt", Json(new JsonObject { ["prompt_id"] = promptId }), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is TransientToolException or PermanentToolException or OperationCanceledException)
        {
            // The job finishes on its own; nothing waits for it.
        }
    }

    private async Task<(byte[] Bytes, int Status)> SendAsync(HttpMethod method, string route, HttpContent? content, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, BackendUri.Append(baseUri, route)) { Content = content };
        BackendAuth.Apply(message, baseUri, options.ApiKey);
        try
        {
            using var response = await httpClient.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299) throw BackendFailures.FromStatus(status, Encoding.UTF8.GetString(bytes), Source, section);
            return (bytes, status);
        }
        catch (Exception ex) when (BackendFailures.FromTransport(ex, Source, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private async Task<(int Status, string Text)> ExchangeAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (BackendFailures.FromTransport(ex, Source, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private JsonObject Parse(byte[] bytes, string what)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException bad)
        {
            throw new PermanentToolException($"{Source} replied with something that is not {what}: {BackendFailures.Excerpt(Encoding.UTF8.GetString(bytes))}", bad);
        }
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>"node 3 (KSampler): Value 0 smaller than min of 1: steps"; null when the body holds none.</summary>
    internal static string? NodeErrors(string text)
    {
        JsonObject? reply;
        try
        {
            reply = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        var lines = new List<string>();
        if (reply?["node_errors"] is JsonObject nodes)
        {
            foreach (var (id, node) in nodes)
            {
                var type = node?["class_type"]?.GetValue<string>() ?? "?";
                foreach (var error in node?["errors"] as JsonArray ?? [])
                    lines.Add($"node {id} ({type}): {error?["message"]?.GetValue<string>()}{(error?["details"]?.GetValue<string>() is { Length: > 0 } details ? $": {details}" : "")}");
            }
        }
        if (lines.Count == 0 && reply?["error"]?["message"]?.GetValue<string>() is { } message) lines.Add(message);
        return lines.Count == 0 ? null : Security.SecretRedactor.Redact(string.Join("; ", lines));
    }

    private static string ExecutionError(JsonObject status)
    {
        foreach (var message in status["messages"] as JsonArray ?? [])
        {
            if (message is JsonArray { Count: 2 } pair && pair[0]?.GetValue<string>() == "execution_error" && pair[1] is JsonObject error)
                return $"node {error["node_id"]} ({error["node_type"]}): {error["exception_message"]?.GetValue<string>()?.Trim()}";
        }
        return "the server reported an error without details";
    }

    private static (string Name, string Subfolder, string Type)? FirstImage(JsonObject outputs)
    {
        var images = outputs.SelectMany(o => o.Value?["images"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var image = images.FirstOrDefault(i => i["type"]?.GetValue<string>() == "output") ?? images.FirstOrDefault();
        return image?["filename"]?.GetValue<string>() is { } name
            ? (name, image["subfolder"]?.GetValue<string>() ?? "", image["type"]?.GetValue<string>() ?? "output")
            : null;
    }
}

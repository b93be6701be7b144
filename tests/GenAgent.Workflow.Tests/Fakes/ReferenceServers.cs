using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace GenAgent.Workflow.Tests.Fakes;

/// <summary>
/// The deployment of the authors' scripts on one loopback Kestrel app: vLLM's OpenAI-compatible chat API
/// (<c>GET /v1/models</c>, <c>POST /v1/chat/completions</c>) answering scripted replies in order, and the FLUX /
/// Qwen-Image-Edit servers' <c>POST /generate/</c>, each image a different solid color. Every request body is recorded.
/// </summary>
internal sealed class ReferenceServers : IAsyncDisposable
{
    public const string ServedModel = "genagent";

    private static readonly SKColor[] Colors = [SKColors.Red, SKColors.Green, SKColors.Blue, SKColors.Gold, SKColors.Purple, SKColors.Teal];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _replies;
    private int _images;

    private ReferenceServers(WebApplication app, IEnumerable<string> replies)
    {
        _app = app;
        _replies = new ConcurrentQueue<string>(replies);
    }

    public Uri Root { get; private set; } = null!;

    public Uri VlmUrl => new(Root, "v1");

    /// <summary>Chat request bodies in arrival order.</summary>
    public ConcurrentQueue<JsonObject> ChatRequests { get; } = new();

    /// <summary><c>/generate/</c> bodies (generations and edits) in arrival order, with the PNG each got back.</summary>
    public ConcurrentQueue<(JsonObject Body, byte[] Png)> ImageRequests { get; } = new();

    public int ModelListings { get; private set; }

    public static async Task<ReferenceServers> StartAsync(params string[] replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var servers = new ReferenceServers(app, replies);
        app.MapGet("/v1/models", (Delegate)servers.ListModels);
        app.MapPost("/v1/chat/completions", (Delegate)servers.CompleteAsync);
        app.MapPost("/generate/", servers.GenerateAsync);
        await app.StartAsync();
        servers.Root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return servers;
    }

    private IResult ListModels()
    {
        ModelListings++;
        return Results.Json(new { @object = "list", data = new[] { new { id = ServedModel, @object = "model", owned_by = "vllm" } } });
    }

    private async Task<IResult> CompleteAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        ChatRequests.Enqueue(body);
        if (!_replies.TryDequeue(out var reply))
            return Results.Json(new { error = new { message = "the script has no more replies" } }, statusCode: 400);
        return Results.Json(new
        {
            id = $"chatcmpl-{ChatRequests.Count}",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = ServedModel,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply }, logprobs = Logprobs(body, reply), finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        });
    }

    /// <summary>
    /// As vLLM answers <c>logprobs</c> with <c>return_tokens_as_token_ids</c>: one token per character here, named
    /// <c>token_id:</c> and the character's code, with log-probability minus its position over a hundred.
    /// </summary>
    private static object? Logprobs(JsonObject body, string reply)
    {
        if (body["logprobs"]?.GetValue<bool>() != true) return null;
        var byId = body["return_tokens_as_token_ids"]?.GetValue<bool>() == true;
        return new
        {
            content = reply.Select((c, i) => new { token = byId ? $"token_id:{(int)c}" : c.ToString(), logprob = -i / 100.0, bytes = (int[]?)null, top_logprobs = Array.Empty<object>() }).ToArray(),
        };
    }

    private async Task GenerateAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var index = Interlocked.Increment(ref _images) - 1;
        var width = body["width"]?.GetValue<int>() ?? 64;
        var height = body["height"]?.GetValue<int>() ?? 64;
        var png = CountingImageTool.Png(Colors[index % Colors.Length], width, height);
        ImageRequests.Enqueue((body, png));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { status = "success", images = new[] { Convert.ToBase64String(png) } }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

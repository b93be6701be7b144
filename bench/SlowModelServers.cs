using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace GenAgent.Bench;

/// <summary>
/// The servers a real-model evaluation talks to, on 127.0.0.1, each call taking <c>latency</c>: a vLLM-style agent
/// (<c>/agent/v1</c>) that generates once and then answers done in the genagent-v2 format, a reference generator
/// (<c>/generate/</c>), and a GenEval++ judge (<c>/judge/v1</c>) that passes every image.
/// </summary>
internal sealed class SlowModelServers : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _latency;

    private SlowModelServers(WebApplication app, TimeSpan latency)
    {
        _app = app;
        _latency = latency;
    }

    public Uri Root { get; private set; } = null!;

    public static async Task<SlowModelServers> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var servers = new SlowModelServers(builder.Build(), latency);
        servers._app.MapGet("/agent/v1/models", () => Results.Json(new { @object = "list", data = new[] { new { id = "genagent", @object = "model" } } }));
        servers._app.MapPost("/agent/v1/chat/completions", (Delegate)servers.AgentAsync);
        servers._app.MapPost("/judge/v1/chat/completions", (Delegate)servers.JudgeAsync);
        servers._app.MapPost("/generate/", servers.GenerateAsync);
        await servers._app.StartAsync();
        servers.Root = new Uri(servers._app.Urls.First().TrimEnd('/') + "/");
        return servers;
    }

    private async Task<IResult> AgentAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        await Task.Delay(_latency);
        // System and user message only: the first turn generates; after the tool's image, the agent is done.
        var first = body["messages"]!.AsArray().Count <= 2;
        return Chat(first
            ? "<think>one subject, plain background</think>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a clear photo of the subject\"}}\n"
            : "<think>checked</think>\n<judge>The image matches.</judge>\n<answer>done</answer>");
    }

    private async Task<IResult> JudgeAsync(HttpContext context)
    {
        await JsonNode.ParseAsync(context.Request.Body);
        await Task.Delay(_latency);
        return Chat("{\"correct\": 1, \"reason\": \"as asked\"}");
    }

    private async Task GenerateAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        await Task.Delay(_latency);
        var width = body["width"]?.GetValue<int>() ?? 256;
        var height = body["height"]?.GetValue<int>() ?? 256;
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(200, 60, 60));
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { status = "success", images = new[] { Convert.ToBase64String(png.AsSpan()) } }));
    }

    private static IResult Chat(string content) => Results.Json(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "genagent",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

using System.Security.Cryptography;
using System.Text.Json;
using GenAgent.Core.Tools;
using GenAgent.Sketch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Cli.Tests;

/// <summary>
/// What an evaluation talks to, on 127.0.0.1, counting every call: a reference generator server (<c>POST /generate/</c>,
/// drawing the caption in the sketch world) and an OpenAI-compatible judge (<c>/v1/chat/completions</c>) whose verdict
/// is a fixed function of the image bytes it receives, so two runs over the same images get the same verdicts.
/// </summary>
internal sealed class EvalServers : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _latency;
    private readonly SketchGenerator _sketch = new();
    private int _generations;
    private int _judgeCalls;

    private EvalServers(WebApplication app, TimeSpan latency)
    {
        _app = app;
        _latency = latency;
    }

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public int Generations => Volatile.Read(ref _generations);

    public int JudgeCalls => Volatile.Read(ref _judgeCalls);

    /// <summary>Configuration for a run against these servers: generator profile <c>fake</c> (no editor) and the judge.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["GenAgent__Profiles__fake__Generator__Backend"] = "genagent-server",
        ["GenAgent__Profiles__fake__Generator__BaseUrl"] = BaseUrl.ToString(),
        ["GenAgent__Profiles__fake__Editor__Backend"] = "",
        ["GenAgent__Judge__BaseUrl"] = new Uri(BaseUrl, "v1").ToString(),
        ["GenAgent__Judge__Model"] = "judge",
    };

    public static async Task<EvalServers> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var servers = new EvalServers(builder.Build(), latency);
        servers._app.MapPost("/generate/", servers.GenerateAsync);
        servers._app.MapPost("/v1/chat/completions", servers.JudgeAsync);
        await servers._app.StartAsync();
        return servers;
    }

    private async Task GenerateAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        var caption = request.RootElement.GetProperty("prompt")[0].GetString()!;
        var width = request.RootElement.GetProperty("width").GetInt32();
        var height = request.RootElement.GetProperty("height").GetInt32();
        // Counted on arrival, so a call in flight when its client dies is counted before the test reads the count.
        Interlocked.Increment(ref _generations);
        await Task.Delay(_latency);
        // The reference servers take no seed; a seed from the caption keeps a caption's drawing the same in every run.
        var seed = BitConverter.ToInt32(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(caption)), 0);
        var image = await _sketch.GenerateAsync(new GenerationRequest(caption, width, height, seed));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["status"] = "success",
            ["images"] = new[] { Convert.ToBase64String(image.Png) },
        }));
    }

    private async Task JudgeAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        var url = request.RootElement.GetProperty("messages")[1].GetProperty("content")[1].GetProperty("image_url").GetProperty("url").GetString()!;
        var hash = Convert.ToHexString(SHA256.HashData(Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..])));
        Interlocked.Increment(ref _judgeCalls);
        await Task.Delay(_latency);
        var correct = Convert.ToInt32(hash[..2], 16) % 3 == 0 ? 0 : 1;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "judge",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = $"{{\"correct\": {correct}, \"reason\": \"image {hash[..8]}\"}}" }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 10, total_tokens = 110 },
        }));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

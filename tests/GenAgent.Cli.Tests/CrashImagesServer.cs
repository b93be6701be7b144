using System.Collections.Concurrent;
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
/// An OpenAI Images API (<c>POST /v1/images/generations</c>) on 127.0.0.1 that draws the caption in the sketch world
/// after a delay and books every call by its <c>Idempotency-Key</c>: calls started, calls whose answer was delivered
/// (finished), and renders. With <see cref="JoinRepeats"/> it behaves as our worker does: a repeated key joins the
/// render in flight or finished instead of rendering again.
/// </summary>
internal sealed class CrashImagesServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _latency;
    private readonly SketchGenerator _sketch = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _renders = new(StringComparer.Ordinal);

    // Four renders at a time, as a GPU with a small batch: the run lasts long enough for the test's kills to land.
    private readonly SemaphoreSlim _gpu = new(4);
    private int _started;
    private int _renderCount;

    private CrashImagesServer(WebApplication app, TimeSpan latency, bool joinRepeats)
    {
        _app = app;
        _latency = latency;
        JoinRepeats = joinRepeats;
    }

    public bool JoinRepeats { get; }

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public int Started => Volatile.Read(ref _started);

    /// <summary>Images actually drawn (a GPU run each).</summary>
    public int Renders => Volatile.Read(ref _renderCount);

    /// <summary>Per key: how many calls arrived and how many of them got their answer delivered.</summary>
    public ConcurrentDictionary<string, (int Calls, int Delivered)> Calls { get; } = new(StringComparer.Ordinal);

    public static async Task<CrashImagesServer> StartAsync(TimeSpan latency, bool joinRepeats)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new CrashImagesServer(builder.Build(), latency, joinRepeats);
        server._app.MapPost("/v1/images/generations", server.GenerateAsync);
        await server._app.StartAsync();
        return server;
    }

    private async Task GenerateAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        var caption = request.RootElement.GetProperty("prompt").GetString()!;
        var size = request.RootElement.GetProperty("size").GetString()!.Split('x');
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault() ?? $"unkeyed-{Guid.NewGuid():N}";
        Interlocked.Increment(ref _started);
        Calls.AddOrUpdate(key, (1, 0), (_, c) => (c.Calls + 1, c.Delivered));

        var render = JoinRepeats
            ? _renders.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(() => RenderAsync(caption, int.Parse(size[0]), int.Parse(size[1])))).Value
            : RenderAsync(caption, int.Parse(size[0]), int.Parse(size[1]));
        var png = await render.WaitAsync(context.RequestAborted);

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { created = 1, data = new[] { new { b64_json = Convert.ToBase64String(png) } } }), context.RequestAborted);
        await context.Response.CompleteAsync();
        Calls.AddOrUpdate(key, (1, 1), (_, c) => (c.Calls, c.Delivered + 1));
    }

    /// <summary>Not tied to any request: as on a GPU, a render that started finishes even when its client is gone.</summary>
    private async Task<byte[]> RenderAsync(string caption, int width, int height)
    {
        await _gpu.WaitAsync();
        try
        {
            await Task.Delay(_latency);
            Interlocked.Increment(ref _renderCount);
            return (await _sketch.GenerateAsync(new GenerationRequest(caption, width, height, caption.Length))).Png;
        }
        finally
        {
            _gpu.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _gpu.Dispose();
    }
}

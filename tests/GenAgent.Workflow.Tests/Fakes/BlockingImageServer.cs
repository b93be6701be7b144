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
/// The paper's generator protocol (<c>POST /generate/</c>) on Kestrel. The first request is held until the test
/// releases it and then dropped, like a worker that died mid-call; every later one is served and counted per caption.
/// </summary>
internal sealed class BlockingImageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    private BlockingImageServer(WebApplication app) => _app = app;

    public TaskCompletionSource FirstRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, int> Served { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<BlockingImageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new BlockingImageServer(app);
        app.MapPost("/generate/", server.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>Lets the held first request end (its connection is dropped).</summary>
    public void ReleaseFirstRequest() => _release.TrySetResult();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var caption = body!["prompt"]![0]!.GetValue<string>();
        if (Interlocked.Increment(ref _requests) == 1)
        {
            FirstRequestArrived.TrySetResult();
            await _release.Task;
            context.Abort();
            return;
        }
        Served.AddOrUpdate(caption, 1, (_, n) => n + 1);
        var png = Convert.ToBase64String(CountingImageTool.Png(SKColors.Gold));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { status = "success", images = new[] { png } }));
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseFirstRequest();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

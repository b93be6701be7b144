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
/// An AUTOMATIC1111 WebUI's API on loopback as its documentation describes it: <c>POST /sdapi/v1/txt2img</c> and
/// <c>/sdapi/v1/img2img</c> answering <c>{"images", "parameters", "info"}</c>, each image a solid colour drawn from the
/// seed, so the same seed gives the same image as on a real server. Every body is recorded.
/// </summary>
internal sealed class FakeA1111 : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeA1111(WebApplication app) => _app = app;

    public Uri Root { get; private set; } = null!;

    public ConcurrentQueue<(string Route, JsonObject Body)> Requests { get; } = new();

    public static async Task<FakeA1111> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new FakeA1111(app);
        app.MapPost("/sdapi/v1/txt2img", context => fake.DrawAsync("txt2img", context));
        app.MapPost("/sdapi/v1/img2img", context => fake.DrawAsync("img2img", context));
        await app.StartAsync();
        fake.Root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    private async Task DrawAsync(string route, HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Requests.Enqueue((route, body));
        var seed = body["seed"]!.GetValue<long>();
        var color = new SKColor((byte)(seed * 37), (byte)(seed * 91), (byte)(seed * 13));
        var png = CountingImageTool.Png(color, body["width"]!.GetValue<int>(), body["height"]!.GetValue<int>());
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { images = new[] { Convert.ToBase64String(png) }, parameters = new { }, info = $"{{\"seed\": {seed}}}" }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

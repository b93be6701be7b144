using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Cli.Tests;

/// <summary>
/// A reference generator server (<c>POST /generate/</c>) on 127.0.0.1 whose first request hangs until
/// <see cref="Release"/>, so a test can crash the CLI while a generation is in flight.
/// </summary>
internal sealed class BlockingGenerateServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    private BlockingGenerateServer(WebApplication app) => _app = app;

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Completes when the first generation request has arrived (and is being held).</summary>
    public Task FirstRequest => _firstRequest.Task;

    public void Release() => _release.TrySetResult();

    public static async Task<BlockingGenerateServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new BlockingGenerateServer(builder.Build());
        server._app.MapPost("/generate/", server.GenerateAsync);
        await server._app.StartAsync();
        return server;
    }

    private async Task GenerateAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        var width = request.RootElement.GetProperty("width").GetInt32();
        var height = request.RootElement.GetProperty("height").GetInt32();
        if (Interlocked.Increment(ref _requests) == 1)
        {
            _firstRequest.TrySetResult();
            await _release.Task;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["status"] = "success",
            ["images"] = new[] { Convert.ToBase64String(TestImages.SolidPng(width, height)) },
        }));
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }
}

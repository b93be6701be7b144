using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Core.Tests.Backends;

/// <summary>A real Kestrel server on 127.0.0.1 that records each request and answers with a test's handler.</summary>
internal sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StubServer(WebApplication app, Uri root)
    {
        this.app = app;
        Root = root;
    }

    public Uri Root { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <param name="handler">Gets the request number (1-based), the recorded request and the context to answer on.</param>
    public static async Task<StubServer> StartAsync(Func<int, RecordedRequest, HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        StubServer? server = null;
        var count = 0;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var recorded = new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Request.ContentType,
                buffer.ToArray());
            server!.Requests.Enqueue(recorded);
            await handler(Interlocked.Increment(ref count), recorded, context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new StubServer(app, new Uri(address));
        return server;
    }

    /// <summary>Answers every request with the same status and body.</summary>
    public static Task<StubServer> StartAsync(int status, string body, string contentType = "application/json") =>
        StartAsync((_, _, context) => WriteAsync(context, status, body, contentType));

    public static async Task WriteAsync(HttpContext context, int status, string body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Never answers; the client's timeout must end the call.</summary>
    public static Task StallAsync(HttpContext context) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

    /// <summary>A URL nothing listens on: the port was free a moment ago and has been released.</summary>
    public static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.GpuWorker.Tests.Telemetry;

/// <summary>
/// The container app's APPLICATIONINSIGHTS_CONNECTION_STRING is honoured: the worker's telemetry reaches the ingestion
/// endpoint it names (here a loopback server speaking Application Insights' track API), and without it nothing is sent.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class AzureMonitorExportTests
{
    private const string InstrumentationKey = "00000000-0000-4000-8000-000000000001";

    [Fact]
    public async Task With_a_connection_string_the_worker_sends_its_requests_to_application_insights()
    {
        await using var ingestion = await IngestionServer.StartAsync();
        var connection = $"InstrumentationKey={InstrumentationKey};IngestionEndpoint={ingestion.BaseUrl};LiveEndpoint={ingestion.BaseUrl}";
        var worker = await TestWorker.StartAsync(("APPLICATIONINSIGHTS_CONNECTION_STRING", connection));
        await using (worker)
        {
            Assert.NotEmpty(worker.Services.GetServices<Microsoft.Extensions.Options.IConfigureOptions<Azure.Monitor.OpenTelemetry.AspNetCore.AzureMonitorOptions>>());
            using var health = await worker.Http.GetAsync("health");
            health.EnsureSuccessStatusCode();
        }

        // Disposing the host flushes the exporter; the request span arrives as a RequestData item with our key.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var healthUrl = new Uri(worker.BaseAddress, "health").ToString();
        while (!ingestion.Items.Any(i => i.Contains("\"RequestData\"", StringComparison.Ordinal) && i.Contains(healthUrl, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no request telemetry arrived; got {ingestion.Items.Count} items: {string.Join(" | ", ingestion.Items.Where(i => i.Contains("RequestData", StringComparison.Ordinal)).Select(i => System.Text.Json.JsonDocument.Parse(i).RootElement.GetProperty("data").GetProperty("baseData").GetProperty("url").GetString()))}");
            await Task.Delay(100);
        }

        Assert.All(ingestion.Items, i => Assert.Contains(InstrumentationKey, i, StringComparison.Ordinal));
        Assert.Contains(ingestion.Items, i => i.Contains("\"ai.cloud.role\":\"genagent-gpu-worker\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_connection_string_nothing_is_exported()
    {
        await using var worker = await TestWorker.StartAsync();

        // UseAzureMonitor registers its options' configuration; without the connection string nobody did.
        Assert.Empty(worker.Services.GetServices<Microsoft.Extensions.Options.IConfigureOptions<Azure.Monitor.OpenTelemetry.AspNetCore.AzureMonitorOptions>>());
    }

    /// <summary>Application Insights' <c>POST /v2.1/track</c>: gzip-compressed newline-delimited JSON envelopes.</summary>
    private sealed class IngestionServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private IngestionServer(WebApplication app) => _app = app;

        public ConcurrentQueue<string> Items { get; } = new();

        public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

        public static async Task<IngestionServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var server = new IngestionServer(builder.Build());
            server._app.MapPost("/v2.1/track", (Func<HttpContext, Task<IResult>>)server.TrackAsync);
            // Live metrics ping and post; answered so the exporter does not retry in a loop.
            server._app.MapPost("/QuickPulseService.svc/{**rest}", (HttpContext c) => Results.Ok());
            await server._app.StartAsync();
            return server;
        }

        private async Task<IResult> TrackAsync(HttpContext context)
        {
            Stream body = context.Request.Body;
            if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                body = new GZipStream(body, CompressionMode.Decompress);
            }

            using var reader = new StreamReader(body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var line in lines)
            {
                Items.Enqueue(line);
            }

            return Results.Json(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

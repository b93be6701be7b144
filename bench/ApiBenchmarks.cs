using System.Diagnostics;
using System.Text;
using GenAgent.Api;
using GenAgent.Api.Hosting;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Bench;

/// <summary>The self-hosted session API under a burst of session starts.</summary>
internal static class ApiBenchmarks
{
    /// <summary>
    /// Latency of <c>POST /api/sessions</c> (to the 202) with <paramref name="requests"/> requests in flight at once, on the
    /// in-process engine or (<paramref name="durable"/>) the Azure Storage engine on Azurite.
    /// </summary>
    public static async Task StartLatencyAsync(int requests, bool durable)
    {
        using var temp = new TempFolder();
        var offline = ProfileConfiguration.Bind(new ConfigurationBuilder().AddGenAgentProfiles().Build(), "offline");
        offline.Store.Path = temp.Path;
        await using var hosted = await HostedEngine.CreateAsync(s => s.AddGenAgentCore(offline), durable ? Benchmarks.Azurite("benchapi") : null);
        await using var app = ServeHost.Build(hosted.Engine, hosted.Store, new ApiOptions(), "http://127.0.0.1:0");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromMinutes(2) };

        const string Body = """{"prompt": "a photo of a red bus", "options": {"maxImages": 1, "width": 128, "height": 128}}""";
        using (var warm = await client.PostAsync("/api/sessions", new StringContent(Body, Encoding.UTF8, "application/json"))) warm.EnsureSuccessStatusCode();

        var wall = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync("/api/sessions", new StringContent(Body, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            return watch.Elapsed.TotalMilliseconds;
        }));
        wall.Stop();
        Array.Sort(latencies);
        Console.WriteLine($"POST /api/sessions, {requests} concurrent requests (genagent serve, {(durable ? "Azure Storage engine on Azurite" : "in-process engine")})");
        Console.WriteLine($"  p50 {latencies[latencies.Length / 2]:F0} ms, p99 {latencies[(int)(latencies.Length * 0.99)]:F0} ms, max {latencies[^1]:F0} ms; all {requests} answered 202 in {wall.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine();
        await app.StopAsync();
    }
}

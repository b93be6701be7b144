using System.Diagnostics;
using System.Text.Json.Nodes;
using GenAgent.Api;
using GenAgent.Api.Hosting;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Bench;

/// <summary>
/// Ack latency of signed Discord interactions against <c>genagent serve</c> (the ServeHost with the interactions
/// endpoint, in-process engine, offline profile, a fake Discord on 127.0.0.1 for the posts): PING, then /imagine
/// (verify, rules, records; the session starts after the answer), each as a burst of concurrent requests.
/// </summary>
internal static class DiscordBenchmarks
{
    public static async Task AckLatencyAsync(int requests)
    {
        using var temp = new TempFolder();
        await using var fake = await FakeDiscord.StartAsync();
        using var keys = new TestKeys();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(fake.Settings(keys.PublicKeyHex)).Build();
        var offline = ProfileConfiguration.Bind(new ConfigurationBuilder().AddGenAgentProfiles().Build(), "offline");
        offline.Store.Path = temp.Path;
        var api = new ApiOptions();
        await using var engine = await InProcessSessionEngine.CreateAsync(services =>
        {
            services.AddGenAgentCore(offline);
            services.AddDiscordProgressPosts(configuration, api);
            services.AddLogging(logging => logging.ClearProviders());
        });
        await using var app = ServeHost.Build(engine, engine.Services.GetRequiredService<IImageStore>(), api, "http://127.0.0.1:0",
            configure: builder =>
            {
                builder.Services.AddDiscordSessions(configuration);
                builder.Logging.ClearProviders();
            });
        app.MapDiscordInteractions();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromMinutes(2) };

        Console.WriteLine($"Discord interaction ack latency, {requests} concurrent signed requests (genagent serve, in-process engine, offline profile)");
        // Discord keeps its connections open; open as many as the burst uses first, so the burst measures answers, not TCP handshakes.
        await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => SendAsync(client, keys, Ping())));
        await OneAtATimeAsync(client, keys, "PING", _ => Ping());
        await OneAtATimeAsync(client, keys, "/imagine", i => Imagine(200_000 + i));
        await BurstAsync(client, keys, "PING", requests, _ => Ping());
        await BurstAsync(client, keys, "/imagine", requests, i => Imagine(i));
        Console.WriteLine();
        await app.StopAsync();
    }

    private static async Task BurstAsync(HttpClient client, TestKeys keys, string name, int requests, Func<int, JsonObject> interaction)
    {
        // Warm-up: JIT, the first connection and libsodium's first verify are not what a burst measures.
        for (var i = 0; i < 5; i++) await SendAsync(client, keys, interaction(100_000 + i));

        var wall = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, requests).Select(i => SendAsync(client, keys, interaction(i))));
        wall.Stop();
        Array.Sort(latencies);
        Console.WriteLine(
            $"  {name,-9} p50 {latencies[latencies.Length / 2]:F1} ms, p99 {latencies[(int)(latencies.Length * 0.99)]:F1} ms, max {latencies[^1]:F1} ms; " +
            $"{requests} answered in {wall.Elapsed.TotalSeconds:F2} s (target p99 <= 50 ms)");
    }

    /// <summary>The cost of one answer without a queue in front of it: 20 requests, each after the previous answer.</summary>
    private static async Task OneAtATimeAsync(HttpClient client, TestKeys keys, string name, Func<int, JsonObject> interaction)
    {
        for (var i = 0; i < 5; i++) await SendAsync(client, keys, interaction(300_000 + i));
        var latencies = new double[20];
        for (var i = 0; i < latencies.Length; i++)
        {
            latencies[i] = await SendAsync(client, keys, interaction(i));
            // Lets the session started after the previous answer get going, as between two real users' commands.
            await Task.Delay(50);
        }
        Array.Sort(latencies);
        Console.WriteLine($"  {name,-9} one at a time: p50 {latencies[latencies.Length / 2]:F1} ms, max {latencies[^1]:F1} ms");
    }

    private static async Task<double> SendAsync(HttpClient client, TestKeys keys, JsonObject interaction)
    {
        using var request = keys.SignedRequest(DiscordInteractionsEndpoint.Route, interaction.ToJsonString());
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The endpoint answered {(int)response.StatusCode}: {body}");
        return watch.Elapsed.TotalMilliseconds;
    }

    private static JsonObject Ping() => new() { ["id"] = "1", ["application_id"] = FakeDiscord.ApplicationId, ["type"] = 1, ["token"] = "t", ["version"] = 1 };

    /// <summary>/imagine by a distinct user each (so the per-user cap does not refuse), effort low.</summary>
    private static JsonObject Imagine(int index)
    {
        var user = (1_800_000_000_000_000_000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = (1_900_000_000_000_000_000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["application_id"] = FakeDiscord.ApplicationId,
            ["type"] = 2,
            ["guild_id"] = FakeDiscord.GuildId,
            ["channel_id"] = FakeDiscord.DefaultChannelId,
            ["channel"] = new JsonObject { ["id"] = FakeDiscord.DefaultChannelId, ["type"] = 0, ["nsfw"] = false },
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = user, ["username"] = "bench" }, ["permissions"] = "2048" },
            ["token"] = $"bench-{index}",
            ["version"] = 1,
            ["data"] = new JsonObject
            {
                ["id"] = "1", ["name"] = "imagine", ["type"] = 1,
                ["options"] = new JsonArray
                {
                    new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = "a red bus" },
                    new JsonObject { ["name"] = "effort", ["type"] = 3, ["value"] = "low" },
                },
            },
        };
    }
}

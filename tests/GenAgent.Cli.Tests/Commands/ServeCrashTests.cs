using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using GenAgent.Tests.Shared;
using Xunit.Abstractions;

namespace GenAgent.Cli.Tests.Commands;

/// <summary>
/// Crashes at scale: 50 sessions on the Azure Storage engine (Azurite) behind <c>genagent serve</c>, the serve process
/// killed at 5 seeded moments while generations are in flight and started again each time. Every session finishes
/// with its final image. A call is sent again only when the kill came before its image was stored (in flight, or
/// answered but not yet written); a server that ignores Idempotency-Key renders those again, one that honours it (as
/// our worker does) joins them and renders each image once.
/// </summary>
public sealed class ServeCrashTests(ITestOutputHelper output)
{
    private const int Sessions = 50;
    private const int Kills = 5;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fifty_sessions_survive_five_kills_and_no_delivered_generation_is_paid_twice(bool joinRepeats)
    {
        await Azurite.RequireAsync();
        await Azurite.RequireAsync(10001);
        await Azurite.RequireAsync(10002);
        await using var images = await CrashImagesServer.StartAsync(TimeSpan.FromMilliseconds(400), joinRepeats);
        using var cli = new CliProcess();
        var port = ServeProcess.FreePort();
        var hub = "crash" + Guid.NewGuid().ToString("N")[..12];
        var env = ServeProcess.CrashProfile(images);
        string[] serve = ["serve", "--profile", "crash", "--store", Azurite.ConnectionString, "--task-hub", hub, "--urls", $"http://127.0.0.1:{port}"];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var random = new Random(joinRepeats ? 7 : 13);

        var process = await ServeProcess.StartAsync(cli, serve, env, http);
        var prompts = File.ReadLines(BenchmarkFiles.GenEvalPlusPlus).Take(Sessions).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("prompt").GetString()!).ToList();
        var ids = new List<string>();
        foreach (var prompt in prompts)
        {
            var body = JsonSerializer.Serialize(new { prompt, options = new { maxImages = 2, width = 256, height = 256 } });
            using var created = await http.PostAsync("/api/sessions", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(created.StatusCode == HttpStatusCode.Accepted, $"POST /api/sessions answered {(int)created.StatusCode}: {ServeProcess.Tail(await created.Content.ReadAsStringAsync())}");
            ids.Add(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }

        // Kills at seeded points spread over the run's ~66 calls, so each lands with generations in flight however fast
        // or slow the machine is; the images server renders 4 at a time, so the run cannot outpace the kills.
        var killsDone = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            var target = Math.Max(6 + (12 * kill) + random.Next(6), images.Started + 2);
            var checkEnded = DateTime.UtcNow.AddSeconds(2);
            var ended = false;
            while (images.Started < target)
            {
                await Task.Delay(10);
                if (DateTime.UtcNow < checkEnded) continue;
                if (ended = await AllEndedAsync(http, ids)) break;
                checkEnded = DateTime.UtcNow.AddSeconds(2);
            }

            if (ended) break;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            killsDone++;
            process = await ServeProcess.StartAsync(cli, serve, env, http);
        }

        var until = DateTime.UtcNow.AddMinutes(4);
        while (!await AllEndedAsync(http, ids))
        {
            Assert.True(DateTime.UtcNow < until, "the sessions did not all end after the restarts");
            await Task.Delay(200);
        }

        var outcomes = new List<string>();
        foreach (var id in ids)
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{id}"));
            outcomes.Add(status.RootElement.GetProperty("status").GetString()!);
            Assert.True(status.RootElement.TryGetProperty("finalImageUrl", out var final) && final.ValueKind == JsonValueKind.String, $"session {id} has no final image");
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        var calls = images.Calls.ToArray();
        var repeatedAfterDelivery = calls.Count(c => c.Value.Delivered >= 1 && c.Value.Calls > c.Value.Delivered);
        var sentAgain = calls.Sum(c => c.Value.Calls - 1);
        var rerendered = images.Renders - calls.Length;
        output.WriteLine(
            $"{(joinRepeats ? "server honouring Idempotency-Key (as the worker)" : "server ignoring Idempotency-Key")}: {Sessions} sessions, {killsDone} kills, " +
            $"{outcomes.Count(o => o == "completed")} completed, {calls.Length} distinct calls, {images.Started} requests, {sentAgain} sent again after a kill, " +
            $"{repeatedAfterDelivery} of them answered before the kill but not yet stored, {images.Renders} renders ({rerendered} paid twice)");

        Assert.Equal(Sessions, outcomes.Count(o => o == "completed"));
        Assert.True(killsDone >= 3, $"only {killsDone} kills happened before the sessions ended");
        // A stored image is never asked for again: each turn's call is repeated at most once per kill.
        Assert.All(calls, c => Assert.True(c.Value.Calls >= 1 && c.Value.Calls <= 1 + killsDone, $"key {c.Key} was called {c.Value.Calls} times with {killsDone} kills"));
        if (joinRepeats) Assert.Equal(0, rerendered);
        else Assert.Equal(images.Started, images.Renders);
    }

    private static async Task<bool> AllEndedAsync(HttpClient http, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            try
            {
                using var status = JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{id}"));
                if (status.RootElement.GetProperty("status").GetString() is not ("completed" or "failed" or "terminated")) return false;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        return true;
    }
}

using System.Net;
using System.Text;
using System.Text.Json;

namespace GenAgent.Cli.Tests.Commands;

/// <summary>
/// <c>genagent serve --store auto</c>: serve starts its own Azurite (ports of its own here, data under the store folder),
/// is killed mid-session, and started again: it finds the Azurite still running, the session finishes, and no
/// generation that was stored is asked for again.
/// </summary>
public sealed class ServeAutoStoreTests
{
    [Fact]
    public async Task A_killed_serve_with_store_auto_finishes_its_session_after_a_restart_with_no_generation_repeated()
    {
        await using var images = await CrashImagesServer.StartAsync(TimeSpan.FromMilliseconds(600), joinRepeats: true);
        using var cli = new CliProcess();
        var port = ServeProcess.FreePort();
        var azurite = FreePortRun();
        var env = ServeProcess.CrashProfile(images);
        env["GenAgent__Serve__AzuritePort"] = azurite.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] serve = ["serve", "--profile", "crash", "--store", "auto", "--urls", $"http://127.0.0.1:{port}"];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var process = await ServeProcess.StartAsync(cli, serve, env, http);
        try
        {
            const string Body = """{"prompt": "three red clocks on the left and a blue bus on the right", "options": {"maxImages": 3, "width": 256, "height": 256}}""";
            using var created = await http.PostAsync("/api/sessions", new StringContent(Body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

            // serve alone is killed while the first generation is in flight; its Azurite keeps the sessions.
            var until = DateTime.UtcNow.AddSeconds(60);
            while (images.Started < 1)
            {
                Assert.True(DateTime.UtcNow < until, "no generation started");
                await Task.Delay(10);
            }
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
            process.Dispose();
            Assert.True(File.Exists(AzuritePid(cli)), "Azurite's data (and its pid) belong under the store folder");

            process = await ServeProcess.StartAsync(cli, serve, env, http);
            until = DateTime.UtcNow.AddMinutes(2);
            JsonElement status;
            while (true)
            {
                status = JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{id}")).RootElement;
                if (status.GetProperty("status").GetString() is "completed" or "failed" or "terminated") break;
                Assert.True(DateTime.UtcNow < until, "the session did not end after the restart");
                await Task.Delay(200);
            }

            Assert.Equal("completed", status.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.String, status.GetProperty("finalImageUrl").ValueKind);
            // Each generation was asked for at most twice (once more only when the kill cut it off) and rendered once.
            Assert.All(images.Calls, c => Assert.InRange(c.Value.Calls, 1, 2));
            Assert.Equal(images.Calls.Count, images.Renders);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            if (File.Exists(AzuritePid(cli))) KillAzurite(int.Parse(File.ReadAllText(AzuritePid(cli)).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string AzuritePid(CliProcess cli) => Path.Combine(cli.StorePath, "azurite", "azurite.pid");

    private static void KillAzurite(int pid)
    {
        try
        {
            using var azurite = System.Diagnostics.Process.GetProcessById(pid);
            azurite.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    /// <summary>Three consecutive free ports (blob, queue, table), away from a developer's Azurite on 10000.</summary>
    private static int FreePortRun()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = ServeProcess.FreePort();
            if (first > 65000) continue;
            if (Enumerable.Range(1, 2).All(offset => PortFree(first + offset))) return first;
        }
        throw new InvalidOperationException("no run of three free ports");
    }

    private static bool PortFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GenAgent.Cli.Tests.Commands;

/// <summary><c>genagent serve</c> as a child process, for the tests that kill and restart it.</summary>
internal static class ServeProcess
{
    /// <summary>The "crash" profile: the sketch agent, generation through the OpenAI Images API at <paramref name="images"/>, no editor.</summary>
    public static Dictionary<string, string?> CrashProfile(CrashImagesServer images) => new()
    {
        ["GenAgent__Profiles__crash__Agent__Backend"] = "sketch",
        ["GenAgent__Profiles__crash__Generator__Backend"] = "openai-images",
        ["GenAgent__Profiles__crash__Generator__BaseUrl"] = new Uri(images.BaseUrl, "v1").ToString(),
        ["GenAgent__Profiles__crash__Generator__Model"] = "sketch-images",
        ["GenAgent__Profiles__crash__Editor__Backend"] = "",
    };

    public static async Task<Process> StartAsync(CliProcess cli, string[] args, Dictionary<string, string?> env, HttpClient http)
    {
        var process = Process.Start(CliProcess.StartInfo(cli.WorkDir, cli.StorePath, args, env))!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"genagent serve exited at start ({process.ExitCode}): {Tail(await stderr)}");
            }

            try
            {
                using var probe = await http.GetAsync("/api/sessions/probe-not-a-session");
                if (probe.StatusCode == HttpStatusCode.NotFound) return process;
                Assert.Fail($"the probe of genagent serve answered {(int)probe.StatusCode}: {Tail(await probe.Content.ReadAsStringAsync())}");
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "genagent serve did not start listening");
            await Task.Delay(100);
        }
    }

    public static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

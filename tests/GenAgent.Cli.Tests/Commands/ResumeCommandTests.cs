using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GenAgent.Cli.Tests.Commands;

/// <summary>Durable mode on Azurite: a run whose process is killed is finished by <c>resume</c> in a new process.</summary>
public partial class ResumeCommandTests
{
    private const string Store = "UseDevelopmentStorage=true";

    [Fact]
    public async Task A_run_killed_mid_generation_is_finished_by_resume_and_reported_by_status()
    {
        RequireAzurite();
        using var cli = new CliProcess();
        await using var generator = await BlockingGenerateServer.StartAsync();
        var hub = "clitest" + Guid.NewGuid().ToString("N")[..12];
        var env = new Dictionary<string, string?>
        {
            ["GenAgent__Profiles__blocking__Agent__Backend"] = "sketch",
            ["GenAgent__Profiles__blocking__Generator__Backend"] = "genagent-server",
            ["GenAgent__Profiles__blocking__Generator__BaseUrl"] = generator.BaseUrl.ToString(),
            ["GenAgent__Profiles__blocking__Editor__Backend"] = "sketch",
        };
        string[] durable = ["--store", Store, "--task-hub", hub, "--profile", "blocking"];

        var sessionId = await StartAndKillAsync(cli, env, generator.FirstRequest,
            ["run", "A photo of three blue clocks", "--size", "256x256", "--max-images", "1", "--out", cli.OutDir, .. durable]);
        generator.Release();
        var resumed = await cli.RunAsync(["resume", sessionId, "--out", cli.OutDir, "--json", .. durable], env);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        using (var json = JsonDocument.Parse(resumed.Stdout))
        {
            Assert.Equal(sessionId, json.RootElement.GetProperty("sessionId").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("imagesUsed").GetInt32());
        }

        Assert.True(File.Exists(Path.Combine(cli.OutDir, sessionId, "final.png")), resumed.ToString());
        Assert.True(generator.Requests >= 2, "the generation the crash interrupted runs again on the new worker");

        var status = await cli.RunAsync(["status", sessionId, "--json", .. durable], env);
        Assert.True(status.ExitCode == 0, status.ToString());
        using var statusJson = JsonDocument.Parse(status.Stdout);
        Assert.Equal("Completed", statusJson.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(statusJson.RootElement.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Status_of_an_unknown_session_is_one_clear_line()
    {
        RequireAzurite();
        using var cli = new CliProcess();

        var result = await cli.RunAsync("status", "no-such-session", "--store", Store, "--task-hub", "clitest" + Guid.NewGuid().ToString("N")[..12]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no session 'no-such-session'", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    /// <summary>Starts a run, reads its session id, waits until it is inside a generation, then kills it as a crash would.</summary>
    private static async Task<string> StartAndKillAsync(CliProcess cli, Dictionary<string, string?> env, Task inGeneration, string[] args)
    {
        using var process = Process.Start(CliProcess.StartInfo(cli.WorkDir, cli.StorePath, args, env))!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            string? sessionId = null;
            while (sessionId is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (SessionLine().Match(line) is { Success: true } match) sessionId = match.Groups[1].Value;
            }

            await inGeneration.WaitAsync(timeout.Token);
            return sessionId ?? throw new InvalidOperationException($"the run printed no session id; stderr: {await stderr}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static void RequireAzurite()
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", 10000);
        }
        catch (SocketException)
        {
            Assert.Fail("Azurite is not listening on 127.0.0.1:10000; start Azurite: scripts/azurite.sh");
        }
    }

    [GeneratedRegex(@"^session (\S+)")]
    private static partial Regex SessionLine();
}

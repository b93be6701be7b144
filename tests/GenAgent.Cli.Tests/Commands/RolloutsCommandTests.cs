using System.Diagnostics;
using System.Text.Json;
using GenAgent.Tests.Shared;

namespace GenAgent.Cli.Tests.Commands;

/// <summary><c>genagent rollouts</c> offline: groups run as sessions, scored, resampled, with advantages; a batch started again resumes.</summary>
public sealed class RolloutsCommandTests
{
    private static readonly string[] Prompts = ["a photo of a red bus", "two green apples and a blue cup"];

    [Fact]
    public async Task A_batch_writes_kept_rollouts_with_advantages_and_a_second_start_runs_nothing_again()
    {
        using var cli = new CliProcess();
        var prompts = Path.Combine(cli.WorkDir, "prompts.txt");
        File.WriteAllLines(prompts, Prompts);
        var batch = Path.Combine(cli.WorkDir, "batch");
        string[] args = ["rollouts", "--prompts", prompts, "--group", "4", "--keep", "2", "--out", batch, "--max-images", "2"];

        var first = await cli.RunAsync(args);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("8 rollouts", first.Stdout, StringComparison.Ordinal);
        var rollouts = Lines(Path.Combine(batch, "rollouts.jsonl"));
        Assert.Equal(4, rollouts.Count);
        Assert.Equal(4, rollouts.Select(r => r.GetProperty("rolloutId").GetString()).Distinct().Count());
        foreach (var group in rollouts.GroupBy(r => r.GetProperty("promptIndex").GetInt32()))
        {
            // Advantages are standardised within the group: they sum to zero.
            Assert.Equal(0, group.Sum(r => r.GetProperty("advantage").GetDouble()), 6);
            Assert.All(group, r =>
            {
                var messages = r.GetProperty("messages").EnumerateArray().ToList();
                Assert.Equal("system", messages[0].GetProperty("role").GetString());
                Assert.Equal("assistant", messages[^1].GetProperty("role").GetString());
                Assert.NotEmpty(r.GetProperty("images").EnumerateArray());
            });
        }
        var groups = Lines(Path.Combine(batch, "groups.jsonl"));
        Assert.Equal([0, 1], groups.Select(g => g.GetProperty("promptIndex").GetInt32()).Order());
        Assert.All(groups, g => Assert.Equal((4, 2), (g.GetProperty("rollouts").GetArrayLength(), g.GetProperty("kept").GetArrayLength())));
        var written = File.ReadAllText(Path.Combine(batch, "rollouts.jsonl"));

        var again = await cli.RunAsync(args);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 rollouts", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 of 2 groups already written", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(Path.Combine(batch, "rollouts.jsonl")));
    }

    [Fact]
    public async Task A_batch_on_the_durable_engine_killed_mid_way_finishes_with_every_rollout_once()
    {
        await Azurite.RequireAsync();
        await Azurite.RequireAsync(10001);
        await Azurite.RequireAsync(10002);
        using var cli = new CliProcess();
        var prompts = Path.Combine(cli.WorkDir, "prompts.txt");
        File.WriteAllLines(prompts, Enumerable.Range(0, 6).Select(i => $"a photo of {i + 1} red clocks"));
        var batch = Path.Combine(cli.WorkDir, "batch");
        var hub = "ro" + Guid.NewGuid().ToString("N")[..12];
        string[] args = ["rollouts", "--prompts", prompts, "--group", "3", "--keep", "2", "--out", batch, "--concurrency", "2", "--store", Azurite.ConnectionString, "--task-hub", hub];

        using (var process = Process.Start(CliProcess.StartInfo(cli.WorkDir, cli.StorePath, args))!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var groups = Path.Combine(batch, "groups.jsonl");
            var until = DateTime.UtcNow.AddMinutes(2);
            while (!(File.Exists(groups) && File.ReadAllLines(groups).Length >= 1) && !process.HasExited)
            {
                Assert.True(DateTime.UtcNow < until, "no group was written");
                await Task.Delay(20);
            }
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var resumed = await cli.RunAsync(args);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var rollouts = Lines(Path.Combine(batch, "rollouts.jsonl"));
        Assert.Equal(12, rollouts.Count);
        Assert.Equal(12, rollouts.Select(r => r.GetProperty("rolloutId").GetString()).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 6), Lines(Path.Combine(batch, "groups.jsonl")).Select(g => g.GetProperty("promptIndex").GetInt32()).Order());
    }

    private static List<JsonElement> Lines(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)];
}

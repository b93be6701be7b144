using System.Diagnostics;
using System.Text.Json;

namespace GenAgent.Cli.Tests.Commands;

public class EvalCommandTests
{
    private static readonly string[] Mini =
    [
        """{"tag": "counting", "include": [{"class": "clock", "count": 2}], "prompt": "a photo of two clocks"}""",
        """{"tag": "color_attr", "include": [{"class": "bus", "count": 1, "color": "red"}], "prompt": "a photo of a red bus"}""",
    ];

    private static string WriteMini(CliProcess cli)
    {
        var benchmark = Path.Combine(cli.WorkDir, "mini.jsonl");
        File.WriteAllLines(benchmark, Mini);
        return benchmark;
    }

    private static List<JsonElement> Lines(string folder) => File.ReadAllLines(Path.Combine(folder, "results.jsonl"))
        .Where(l => l.Length > 0)
        .Select(l => { try { return JsonDocument.Parse(l).RootElement.Clone(); } catch (JsonException) { return (JsonElement?)null; } })
        .OfType<JsonElement>()
        .ToList();

    private static string Key(JsonElement line) => $"{line.GetProperty("configuration").GetString()}#{line.GetProperty("index").GetInt32()}";

    [Fact]
    public async Task An_offline_run_writes_the_run_folder_scores_every_round_and_a_resume_of_a_finished_run_does_nothing()
    {
        using var cli = new CliProcess();
        var run = Path.Combine(cli.WorkDir, "run");

        var result = await cli.RunAsync("eval", "--benchmark", WriteMini(cli), "--bare", "--out", run, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var file in new[] { "run.json", "results.jsonl", "summary.json", "summary.md", "report.html" }) Assert.True(File.Exists(Path.Combine(run, file)), file);
        using var summary = JsonDocument.Parse(result.Stdout);
        var root = summary.RootElement;
        Assert.True(root.GetProperty("simulated").GetBoolean());
        Assert.Equal("256x256", root.GetProperty("size").GetString());
        Assert.Equal(4, root.GetProperty("samples").GetInt32());
        var configurations = root.GetProperty("configurations").EnumerateArray().ToList();
        Assert.Equal(["offline alone", "offline"], configurations.Select(c => c.GetProperty("name").GetString()));
        Assert.Single(configurations[0].GetProperty("byRound").EnumerateArray());
        var rounds = configurations[1].GetProperty("byRound").EnumerateArray().Select(r => r.GetDouble()).ToList();
        Assert.Equal(3, rounds.Count);
        Assert.All(rounds, r => Assert.InRange(r, 0, 1));
        var lines = Lines(run);
        Assert.Equal(4, lines.Count);
        foreach (var line in lines)
        {
            foreach (var round in line.GetProperty("rounds").EnumerateArray())
                Assert.True(File.Exists(Path.Combine(run, round.GetProperty("image").GetString()!)), "each judged image is kept in the run folder");
        }

        var again = await cli.RunAsync("eval", "--resume", run, "--json");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(4, Lines(run).Count);
        using var resumed = JsonDocument.Parse(again.Stdout);
        Assert.Equal(0, resumed.RootElement.GetProperty("totals").GetProperty("samplesThisRun").GetInt32());
        Assert.Equal(root.GetProperty("configurations").GetRawText(), resumed.RootElement.GetProperty("configurations").GetRawText());
    }

    [Theory]
    [InlineData(new[] { "--benchmark", "nope.jsonl" }, "--benchmark 'nope.jsonl' does not exist")]
    [InlineData(new[] { "--benchmark", "wise", "--judge", "wise-legacy" }, "--benchmark wise needs --data")]
    [InlineData(new[] { "--benchmark", "wise", "--data", "mini.jsonl", "--judge", "sketch" }, "is scored by a WISE judge")]
    [InlineData(new[] { "--judge", "wise-legacy" }, "use it with --benchmark wise")]
    [InlineData(new[] { "--judge", "gpt" }, "--judge 'gpt' is unknown")]
    [InlineData(new[] { "--judge", "geneval-vlm" }, "needs a judge endpoint")]
    [InlineData(new[] { "--resume", "nowhere" }, "holds no run")]
    [InlineData(new[] { "--rejudge", "nowhere" }, "--rejudge needs --judge")]
    [InlineData(new[] { "--agent", "no-such-profile" }, "Unknown profile 'no-such-profile'")]
    public async Task Bad_flags_get_exit_2_and_one_line_naming_the_fix(string[] flags, string message)
    {
        using var cli = new CliProcess();
        WriteMini(cli);

        var result = await cli.RunAsync(["eval", .. flags], new Dictionary<string, string?> { ["GenAgent__Judge__BaseUrl"] = null });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resume_keeps_the_runs_plan_and_a_finished_folder_is_not_overwritten()
    {
        using var cli = new CliProcess();
        var run = Path.Combine(cli.WorkDir, "run");
        var benchmark = WriteMini(cli);
        Assert.Equal(0, (await cli.RunAsync("eval", "--benchmark", benchmark, "--max-images", "1", "--out", run)).ExitCode);

        var changed = await cli.RunAsync("eval", "--resume", run, "--max-images", "2");
        var overwrite = await cli.RunAsync("eval", "--benchmark", benchmark, "--out", run);

        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("drop --max-images", changed.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Contains("already holds a run", overwrite.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A run killed in a subprocess and resumed: the resumed process generates and judges only the samples it records,
    /// none the killed one finished, and the totals equal an uninterrupted run's. A re-judging run then scores the stored
    /// images again without one generation.
    /// </summary>
    [Fact]
    public async Task A_killed_run_resumes_without_generating_or_judging_a_finished_sample_twice()
    {
        await using var servers = await EvalServers.StartAsync(TimeSpan.FromMilliseconds(250));
        using var cli = new CliProcess();
        var run = Path.Combine(cli.WorkDir, "run");
        string[] plan = ["eval", "--benchmark", "geneval-pp", "--limit", "2", "--agent", "offline", "--generator", "fake", "--bare", "--judge", "geneval-vlm", "--concurrency", "2"];

        using (var killed = Process.Start(CliProcess.StartInfo(cli.WorkDir, cli.StorePath, [.. plan, "--out", run], servers.Environment))!)
        {
            _ = killed.StandardOutput.ReadToEndAsync();
            _ = killed.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!(File.Exists(Path.Combine(run, "results.jsonl")) && Lines(run).Count >= 6))
            {
                Assert.True(DateTime.UtcNow < deadline && !killed.HasExited, "the run should be writing results");
                await Task.Delay(20);
            }

            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
        }

        var before = Lines(run);
        var (generations, judgeCalls) = (servers.Generations, servers.JudgeCalls);
        Assert.InRange(before.Count, 6, 27);

        var resumed = await cli.RunAsync(["eval", "--resume", run, "--json"], servers.Environment);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var after = Lines(run);
        var added = after.Skip(before.Count).ToList();
        Assert.Equal(28, after.Select(Key).Distinct().Count());
        Assert.Equal(after.Count, after.Select(Key).Distinct().Count());
        Assert.Empty(added.Select(Key).Intersect(before.Select(Key)));
        var addedImages = added.Sum(l => l.GetProperty("rounds").GetArrayLength());
        Assert.Equal(addedImages, servers.JudgeCalls - judgeCalls);
        Assert.Equal(addedImages, servers.Generations - generations);

        var whole = Path.Combine(cli.WorkDir, "whole");
        var uninterrupted = await cli.RunAsync([.. plan, "--out", whole, "--json"], servers.Environment);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.ToString());
        using var a = JsonDocument.Parse(resumed.Stdout);
        using var b = JsonDocument.Parse(uninterrupted.Stdout);
        Assert.Equal(b.RootElement.GetProperty("configurations").GetRawText(), a.RootElement.GetProperty("configurations").GetRawText());
        Assert.Equal(
            b.RootElement.GetProperty("totals").GetProperty("judgeCalls").GetInt32(),
            a.RootElement.GetProperty("totals").GetProperty("judgeCalls").GetInt32());

        var generationsBefore = servers.Generations;
        var judged = servers.JudgeCalls;
        var rejudge = await cli.RunAsync(["eval", "--rejudge", whole, "--judge", "sketch", "--json"], servers.Environment);
        Assert.True(rejudge.ExitCode == 0, rejudge.ToString());
        Assert.Equal(generationsBefore, servers.Generations);
        Assert.Equal(judged, servers.JudgeCalls);
        using var c = JsonDocument.Parse(rejudge.Stdout);
        Assert.Equal("sketch", c.RootElement.GetProperty("judge").GetString());
        Assert.Equal(28, c.RootElement.GetProperty("samples").GetInt32());
        Assert.True(File.Exists(Path.Combine(whole + "-sketch", "report.html")));
    }
}

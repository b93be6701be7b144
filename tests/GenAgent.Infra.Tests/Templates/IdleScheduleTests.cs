using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenAgent.Infra.Tests.Support;

namespace GenAgent.Infra.Tests.Templates;

/// <summary>
/// What runs while nobody uses the deployment is what the README's cost table says: the Functions app's timers (read
/// from the function sources), the durable queue polling (host.json) and the always-ready default.
/// </summary>
public sealed partial class IdleScheduleTests
{
    [GeneratedRegex("""\[TimerTrigger\("(?<schedule>[^"]+)"\)\]""")]
    private static partial Regex TimerTrigger();

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "README.md"));

    private static Dictionary<string, string> Timers() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TimerTrigger().Matches(File.ReadAllText(f)).Select(m => (Function: Path.GetFileNameWithoutExtension(f), Schedule: m.Groups["schedule"].Value)))
            .ToDictionary(t => t.Function, t => t.Schedule, StringComparer.Ordinal);

    /// <summary>Executions in a 30-day month of a six-field NCRONTAB schedule whose seconds and minutes are fixed.</summary>
    private static int PerMonth(string schedule)
    {
        var fields = schedule.Split(' ');
        Assert.Equal(6, fields.Length);
        Assert.True(int.TryParse(fields[0], out _) && int.TryParse(fields[1], out _), $"'{schedule}' fires more than once an hour");
        Assert.Equal(["*", "*", "*"], fields[3..]);
        return fields[2] == "*" ? 24 * 30 : 30;
    }

    [Fact]
    public void The_timers_are_the_hourly_sweep_and_the_daily_retention_run_the_readme_names()
    {
        var timers = Timers();

        Assert.Equal(["AdmissionSweepFunction", "RetentionFunction"], timers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(720, PerMonth(timers["AdmissionSweepFunction"]));
        Assert.Equal(30, PerMonth(timers["RetentionFunction"]));
        Assert.Contains("the hourly admission sweep (24 short executions a day", Readme, StringComparison.Ordinal);
        Assert.Contains("the daily retention run", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_durable_polling_interval_is_the_one_the_readme_states()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")))!;
        var interval = host["extensions"]?["durableTask"]?["storageProvider"]?["maxQueuePollingInterval"]?.ToString();

        Assert.Equal("00:00:02", interval);
        Assert.Contains("up to every 2 s (`maxQueuePollingInterval`)", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_prices_the_always_ready_instances_it_turns_on_with_discord()
    {
        Assert.Contains("`GENAGENT_KEEP_WARM`", Readme, StringComparison.Ordinal);
        Assert.Contains("always-ready", Readme, StringComparison.Ordinal);
    }
}

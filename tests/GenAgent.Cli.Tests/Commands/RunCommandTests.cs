using System.Text.Json;
using GenAgent.Core.Sessions;

namespace GenAgent.Cli.Tests.Commands;

public class RunCommandTests
{
    private const string Prompt = "A photo of two red clocks and a blue bus";
    private static readonly string[] SuccessOutcomes = ["Done", "ImageBudgetReached", "TurnBudgetReached"];

    [Fact]
    public async Task Offline_run_writes_every_round_the_final_image_the_trajectory_and_the_report()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("run", Prompt, "--size", "256x256", "--out", cli.OutDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = Assert.Single(Directory.GetDirectories(cli.OutDir));
        Assert.True(File.Exists(Path.Combine(folder, "final.png")), result.ToString());
        var trajectory = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(folder, "trajectory.json")), SessionJson.Default.Trajectory)!;
        Assert.NotNull(trajectory.Outcome);
        Assert.Equal(Prompt, trajectory.Prompt);
        Assert.Equal(Path.GetFileName(folder), trajectory.SessionId);

        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        var rounds = trajectory.Turns.Where(t => t.Image is not null).ToList();
        Assert.NotEmpty(rounds);
        for (var i = 0; i < rounds.Count; i++)
        {
            var png = File.ReadAllBytes(Path.Combine(folder, $"round-{i + 1}.png"));
            Assert.Contains("data:image/png;base64," + Convert.ToBase64String(png), report, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(rounds[i].Argument!), report, StringComparison.Ordinal);
        }

        Assert.Contains("final image", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(trajectory.SessionId, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_puts_only_the_result_on_stdout()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("run", Prompt, "--size", "256x256", "--out", cli.OutDir, "--json", "--max-images", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("sessionId").GetString()));
        Assert.Contains(root.GetProperty("outcome").GetString(), SuccessOutcomes);
        Assert.InRange(root.GetProperty("imagesUsed").GetInt32(), 1, 2);
        Assert.True(File.Exists(root.GetProperty("finalImage").GetString()), result.ToString());
        Assert.True(File.Exists(root.GetProperty("report").GetString()), result.ToString());
        Assert.Equal(root.GetProperty("imagesUsed").GetInt32(), root.GetProperty("rounds").GetArrayLength());
    }

    [Fact]
    public async Task An_input_image_is_stored_and_recorded()
    {
        using var cli = new CliProcess();
        var input = Path.Combine(cli.WorkDir, "start.png");
        File.WriteAllBytes(input, TestImages.SolidPng(96, 64));

        var result = await cli.RunAsync("run", "make it a photo of a red clock", "--size", "256x256", "--out", cli.OutDir, "--image", input, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var trajectory = JsonSerializer.Deserialize(File.ReadAllText(json.RootElement.GetProperty("trajectory").GetString()!), SessionJson.Default.Trajectory)!;
        Assert.NotNull(trajectory.InputImage);
        Assert.Equal((96, 64), (trajectory.InputImage.Width, trajectory.InputImage.Height));
    }

    [Theory]
    [InlineData("--size|12", "--size '12'")]
    [InlineData("--max-images|0", "maxImages must be between 1 and 16.")]
    [InlineData("--profile|nope", "Known profiles: offline, openai, vllm-genagent")]
    [InlineData("--profile|openai", "GenAgent__Agent__ApiKey")]
    [InlineData("--effort|extreme", "effort must be low, medium or high.")]
    public async Task Bad_flags_and_configuration_give_one_clear_line(string flags, string expected)
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync(["run", Prompt, "--out", cli.OutDir, .. flags.Split('|')], env: null);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.False(Directory.Exists(Path.Combine(cli.StorePath, "sessions")), "nothing may start on bad input");
    }

    [Fact]
    public async Task An_unwritable_out_folder_is_refused_before_the_session_starts()
    {
        using var cli = new CliProcess();
        var blocker = Path.Combine(cli.WorkDir, "a-file");
        File.WriteAllText(blocker, "not a folder");

        var result = await cli.RunAsync("run", Prompt, "--out", Path.Combine(blocker, "out"));

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("cannot write to --out", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.StorePath, "sessions")), "the session must not start");
    }

    [Fact]
    public async Task Unset_flags_take_the_protocol_profiles_defaults_and_set_ones_win()
    {
        using var cli = new CliProcess();
        // The offline world driven by the v1 rules: its defaults are 2 images at 512x512 with generation only.
        var env = new Dictionary<string, string?>
        {
            ["GenAgent__Agent__Protocol"] = "genagent-v1",
            ["XDG_CONFIG_HOME"] = Path.Combine(cli.WorkDir, "config"),
        };

        var result = await cli.RunAsync(["run", Prompt, "--out", cli.OutDir, "--fallback", "false", "--candidate-temperature", "1.1"], env);

        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = Assert.Single(Directory.GetDirectories(cli.OutDir));
        var trajectory = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(folder, "trajectory.json")), SessionJson.Default.Trajectory)!;
        Assert.Equal((2, 9, 512, 512), (trajectory.Options.MaxImages, trajectory.Options.MaxTurns, trajectory.Options.Width, trajectory.Options.Height));
        Assert.Equal(["image_generation_tool"], trajectory.Options.Tools);
        Assert.Equal((false, 1.1f), (trajectory.Options.Fallback, trajectory.Options.CandidateTemperature));
        Assert.Equal("genagent-v1", trajectory.Protocol);
        Assert.Contains("genagent protocol import", Assert.Single(result.StderrLines, l => l.Contains("warning", StringComparison.Ordinal)), StringComparison.Ordinal);

        using var sized = new CliProcess();
        var explicitSize = await sized.RunAsync(["run", Prompt, "--out", sized.OutDir, "--size", "320x256", "--max-images", "1"], env);
        Assert.True(explicitSize.ExitCode == 0, explicitSize.ToString());
        var second = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(sized.OutDir)), "trajectory.json")), SessionJson.Default.Trajectory)!;
        Assert.Equal((1, 320, 256), (second.Options.MaxImages, second.Options.Width, second.Options.Height));
    }

    [Fact]
    public async Task Effort_high_writes_every_candidate_and_prints_each_comparison()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("run", Prompt, "--effort", "high", "--candidates", "2", "--max-images", "1", "--size", "256x256", "--out", cli.OutDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = Assert.Single(Directory.GetDirectories(cli.OutDir));
        Assert.True(File.Exists(Path.Combine(folder, "candidate-0.png")) && File.Exists(Path.Combine(folder, "candidate-1.png")), result.ToString());
        Assert.Contains("candidate 0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("temperature 0.7", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("candidate 0 vs 1 -> ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("winner", result.Stdout, StringComparison.Ordinal);
        // Self-contained: every image of the report, the losing candidate's included, is inlined.
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<h2>Candidates</h2>", report, StringComparison.Ordinal);
        Assert.All(System.Text.RegularExpressions.Regex.Matches(report, "src=\"([^\"]*)\"").Select(m => m.Groups[1].Value),
            src => Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal));
    }
}

using System.Text.Json;

namespace GenAgent.Cli.Tests.Commands;

/// <summary><c>genagent reward</c> on a real offline run: the reward reads the images in the run's folder, not what the agent said of them.</summary>
public sealed class RewardCommandTests
{
    private const string Prompt = "a photo of three red clocks on the left and a blue bus on the right";

    [Fact]
    public async Task A_run_is_scored_from_its_images_and_blank_images_lose_every_part()
    {
        using var cli = new CliProcess();
        var run = await cli.RunAsync("run", Prompt, "--out", cli.OutDir);
        Assert.True(run.ExitCode == 0, run.ToString());
        var folder = Assert.Single(Directory.GetDirectories(cli.OutDir));
        var trajectory = Path.Combine(folder, "trajectory.json");

        var scored = await cli.RunAsync("reward", trajectory, "--json");

        Assert.True(scored.ExitCode == 0, scored.ToString());
        using var reward = JsonDocument.Parse(scored.Stdout);
        Assert.Equal("sketch", reward.RootElement.GetProperty("judge").GetString());
        Assert.NotEmpty(reward.RootElement.GetProperty("decisions").EnumerateArray());
        var pointwise = reward.RootElement.GetProperty("pointwise").GetDouble();
        Assert.Equal(1.0, pointwise);

        // The same trajectory with every image painted over: the judge sees no clocks and no bus, whatever the agent said.
        foreach (var image in Directory.GetFiles(folder, "*.png")) File.WriteAllBytes(image, TestImages.SolidPng(256, 256));
        var blank = await cli.RunAsync("reward", trajectory, "--json");

        Assert.True(blank.ExitCode == 0, blank.ToString());
        using var blanked = JsonDocument.Parse(blank.Stdout);
        Assert.Equal(0.0, blanked.RootElement.GetProperty("pointwise").GetDouble());
        Assert.Equal(0.0, blanked.RootElement.GetProperty("total").GetDouble());
        Assert.All(blanked.RootElement.GetProperty("decisions").EnumerateArray(), d => Assert.False(d.GetProperty("correct").GetBoolean()));
    }

    [Theory]
    [InlineData("--weights|1,2", "--weights '1,2' must be three numbers")]
    [InlineData("--judge|nope", "--judge 'nope' is unknown")]
    public async Task Bad_flags_give_one_line(string flags, string expected)
    {
        using var cli = new CliProcess();
        var file = Path.Combine(cli.WorkDir, "trajectory.json");
        File.WriteAllText(file, "{}");

        var result = await cli.RunAsync(["reward", file, .. flags.Split('|')], env: null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace GenAgent.Cli.Tests.Commands;

/// <summary><c>genagent export sft</c> over real offline runs: found under --from, filtered, written in the trainer's layout.</summary>
public sealed class ExportCommandTests
{
    private const string Prompt = "a photo of three red clocks on the left and a blue bus on the right";

    [Fact]
    public async Task Two_runs_of_one_prompt_export_as_one_llamafactory_sample_with_its_images()
    {
        using var cli = new CliProcess();
        for (var run = 0; run < 2; run++)
        {
            var result = await cli.RunAsync("run", Prompt, "--out", cli.OutDir, "--size", "512x512");
            Assert.True(result.ExitCode == 0, result.ToString());
        }
        var data = Path.Combine(cli.WorkDir, "sft");

        var export = await cli.RunAsync("export", "sft", "--from", cli.OutDir, "--format", "llamafactory", "--out", data, "--validation", "0");

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains("1 repeated prompts, 0 the trainers would reject dropped; kept 1", export.Stdout, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "manifest.json")));
        Assert.Equal(2, manifest.RootElement.GetProperty("read").GetInt32());
        using var train = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "train.json")));
        var sample = Assert.Single(train.RootElement.EnumerateArray().ToList());
        var images = sample.GetProperty("images").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.True(File.Exists(Path.Combine(data, image))));
        Assert.Contains(Prompt, sample.GetProperty("messages")[1].GetProperty("content").GetString(), StringComparison.Ordinal);

        var again = await cli.RunAsync("export", "sft", "--from", cli.OutDir, "--format", "swift", "--out", data);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("is not empty", Assert.Single(again.StderrLines), StringComparison.Ordinal);
    }
}

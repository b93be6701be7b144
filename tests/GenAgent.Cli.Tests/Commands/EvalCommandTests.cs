using System.Text.Json;

namespace GenAgent.Cli.Tests.Commands;

public class EvalCommandTests
{
    [Fact]
    public async Task Eval_scores_every_tag_for_the_bare_generator_and_each_cap()
    {
        using var cli = new CliProcess();
        var benchmark = Path.Combine(cli.WorkDir, "mini.jsonl");
        File.WriteAllLines(benchmark,
        [
            """{"tag": "counting", "include": [{"class": "clock", "count": 2}], "prompt": "a photo of two clocks"}""",
            """{"tag": "color_attr", "include": [{"class": "bus", "count": 1, "color": "red"}], "prompt": "a photo of a red bus"}""",
        ]);

        var result = await cli.RunAsync("eval", "--benchmark", benchmark, "--size", "256x256", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("prompts").GetInt32());
        Assert.Equal([1, 2, 3], root.GetProperty("caps").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(["color_attr", "counting"], root.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("tag").GetString()).Order());
        foreach (var rate in root.GetProperty("overall").GetProperty("agent").EnumerateArray()) Assert.InRange(rate.GetDouble(), 0, 1);
        var images = root.GetProperty("meanImagesUsed").EnumerateArray().Select(m => m.GetDouble()).ToList();
        Assert.InRange(images[0], 1, 1);
        Assert.InRange(images[2], 1, 3);
    }

    [Fact]
    public async Task A_missing_benchmark_names_the_flag()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("eval", "--benchmark", Path.Combine(cli.WorkDir, "nope.jsonl"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--benchmark", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}

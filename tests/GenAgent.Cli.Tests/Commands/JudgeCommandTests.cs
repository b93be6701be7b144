using System.Text.Json;
using GenAgent.Core.Tools;
using GenAgent.Sketch;

namespace GenAgent.Cli.Tests.Commands;

public class JudgeCommandTests
{
    private const string Prompt = "a photo of two red clocks and a blue bus";

    [Fact]
    public async Task A_matching_image_passes_with_exit_0_and_a_json_verdict_listing_every_check()
    {
        using var cli = new CliProcess();
        var image = await DrawAsync(cli);
        Assert.True(SketchJudge.Judge(await File.ReadAllBytesAsync(image), Checklist.FromPrompt(Prompt)).Passed, "the test image itself must match");

        var result = await cli.RunAsync("judge", image, "--prompt", Prompt, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("pass").GetBoolean());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Contains(checks, c => c.GetProperty("check").GetString() == "count" && c.GetProperty("expected").GetString() == "2 red clocks");
        Assert.All(checks, c => Assert.True(c.GetProperty("pass").GetBoolean()));
    }

    [Fact]
    public async Task A_wrong_image_fails_with_exit_1_naming_expected_and_found()
    {
        using var cli = new CliProcess();
        var image = await DrawAsync(cli);

        var result = await cli.RunAsync("judge", image, "--prompt", "five green giraffes");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("expected 5 green giraffes; found 0 giraffes", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_benchmark_line_is_the_checklist()
    {
        using var cli = new CliProcess();
        var image = await DrawAsync(cli);
        var line = Path.Combine(cli.WorkDir, "line.json");
        await File.WriteAllTextAsync(line, """{"tag": "counting", "prompt": "three clocks", "include": [{"class": "clock", "count": 3}]}""");

        var result = await cli.RunAsync("judge", image, "--prompt", "three clocks", "--checklist", line, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var count = json.RootElement.GetProperty("checks").EnumerateArray().Single();
        Assert.Equal("3 clocks", count.GetProperty("expected").GetString());
        Assert.Equal("2 clocks", count.GetProperty("found").GetString());
    }

    [Theory]
    [InlineData("not-an-image", "a red bus", "is not a PNG, JPEG or WebP image")]
    [InlineData("missing", "a red bus", "does not exist")]
    [InlineData("good", "  ", "--prompt is empty")]
    [InlineData("good", "a sunset over the sea", "names no object")]
    public async Task Bad_input_gets_exit_2_and_one_clear_line(string file, string prompt, string message)
    {
        using var cli = new CliProcess();
        var path = file switch
        {
            "good" => await DrawAsync(cli),
            "not-an-image" => Path.Combine(cli.WorkDir, "notes.txt"),
            _ => Path.Combine(cli.WorkDir, "missing.png"),
        };
        if (file == "not-an-image")
        {
            await File.WriteAllTextAsync(path, "hello");
        }

        var result = await cli.RunAsync("judge", path, "--prompt", prompt);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    private static async Task<string> DrawAsync(CliProcess cli)
    {
        // An explicit caption; seed 1 draws it without a generator mistake (the first test checks that).
        var caption = "Exactly 2 red clocks. Exactly 1 blue bus.";
        var image = await new SketchGenerator().GenerateAsync(new GenerationRequest(caption, 384, 384, 1));
        var path = Path.Combine(cli.WorkDir, "image.png");
        await File.WriteAllBytesAsync(path, image.Png);
        return path;
    }

    [Fact]
    public async Task The_vlm_judge_without_an_endpoint_names_the_settings_and_exits_2()
    {
        using var cli = new CliProcess();
        var image = await DrawAsync(cli);

        var result = await cli.RunAsync(["judge", image, "--prompt", Prompt, "--judge", "geneval-vlm"], new Dictionary<string, string?> { ["GenAgent__Judge__BaseUrl"] = null });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("GenAgent__Judge__BaseUrl", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hosted_judge_without_a_key_is_refused_before_any_call()
    {
        using var cli = new CliProcess();
        var image = await DrawAsync(cli);

        var result = await cli.RunAsync(
            ["judge", image, "--prompt", Prompt, "--judge", "geneval-vlm"],
            new Dictionary<string, string?> { ["GenAgent__Judge__BaseUrl"] = "https://api.openai.com/v1", ["GenAgent__Judge__Model"] = "gpt-4.1", ["GenAgent__Judge__ApiKey"] = null });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("GenAgent__Judge__ApiKey", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}

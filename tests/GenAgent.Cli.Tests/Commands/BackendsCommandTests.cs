using System.Text.Json.Nodes;

namespace GenAgent.Cli.Tests.Commands;

public sealed class BackendsCommandTests
{
    [Fact]
    public async Task Lists_every_image_backend_with_what_it_can_do()
    {
        using var cli = new CliProcess();

        var listed = await cli.RunAsync(["backends", "--json"]);

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var rows = JsonNode.Parse(listed.Stdout)!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => r["name"]!.GetValue<string>());
        Assert.Equal(["openai-images", "genagent-server", "a1111", "comfyui", "sketch"], rows.Keys);
        Assert.True(rows["comfyui"]["seed"]!.GetValue<bool>());
        Assert.True(rows["a1111"]["negativePrompt"]!.GetValue<bool>());
        Assert.False(rows["genagent-server"]["seed"]!.GetValue<bool>());
        Assert.False(rows["openai-images"]["negativePrompt"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_setting_the_backend_would_ignore_is_refused_naming_the_key()
    {
        using var cli = new CliProcess();
        var env = new Dictionary<string, string?>
        {
            ["GenAgent__Profiles__offline__Generator__NegativePrompt"] = "blurry",
        };

        var run = await cli.RunAsync(["run", "a red bus", "--profile", "offline"], env);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("GenAgent:Generator:NegativePrompt is set, but the sketch backend takes no negative prompt", run.Stderr, StringComparison.Ordinal);
    }
}

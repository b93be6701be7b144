using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenAgent.Inference.Models;

namespace GenAgent.Inference.Tests.Models;

/// <summary>The manifests the README tells users to write load as written (with placeholder files at their paths).</summary>
public sealed partial class ReadmeManifestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "readme-manifests-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private ModelManifest LoadExample(string name)
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "InferenceReadme.md")).ReplaceLineEndings("\n");
        var json = JsonBlock().Matches(readme).Select(m => m.Groups["json"].Value).Single(j => JsonNode.Parse(j)!["name"]!.GetValue<string>() == name);
        var document = JsonNode.Parse(json)!;
        foreach (var component in document["components"]!.AsObject())
        {
            Touch(component.Value!["file"]!.GetValue<string>());
        }

        foreach (var tokenizer in document["tokenizers"]!.AsObject())
        {
            Touch(tokenizer.Value!.GetValue<string>());
        }

        var path = Path.Combine(_folder, name + ".json");
        File.WriteAllText(path, json);
        return ModelManifest.Load(path);
    }

    private void Touch(string relative)
    {
        var file = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, []);
    }

    [Fact]
    public void The_sd_turbo_example_loads_with_one_step()
    {
        var manifest = LoadExample("sd-turbo");

        Assert.Equal(ModelKind.StableDiffusion, manifest.Kind);
        Assert.Equal(1, manifest.Constants.DefaultSteps);
        Assert.Equal(4, manifest.Constants.LatentChannels);
    }

    [Fact]
    public void The_flux_dev_example_states_16_latent_channels_28_steps_and_guidance()
    {
        var manifest = LoadExample("flux-dev");

        Assert.Equal(ModelKind.Flux, manifest.Kind);
        Assert.Equal(16, manifest.Constants.LatentChannels);
        Assert.Equal(28, manifest.Constants.DefaultSteps);
        Assert.Equal(3.5f, manifest.Constants.DefaultGuidance);
        Assert.NotNull(manifest.OptionalComponent("vae_encoder"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

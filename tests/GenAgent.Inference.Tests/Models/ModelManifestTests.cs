using System.Text.Json.Nodes;
using GenAgent.Inference.Models;
using GenAgent.Inference.TestModels;

namespace GenAgent.Inference.Tests.Models;

public sealed class ModelManifestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "manifest-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Reads_components_tokenizers_and_constants_with_absolute_paths()
    {
        var manifest = ModelManifest.Load(TinyModelSet.WriteFlux(_folder));

        Assert.Equal("flux-tiny", manifest.Name);
        Assert.Equal(ModelKind.Flux, manifest.Kind);
        Assert.Equal(Path.Combine(_folder, "flux-tiny", "transformer.onnx"), manifest.Component("transformer").File);
        Assert.Equal("guidance", manifest.Component("transformer").Input("guidance"));
        Assert.Equal(Path.Combine(_folder, "flux-tiny", "tokenizer_2", "spiece.model"), manifest.Tokenizers.T5Model);
        Assert.Equal(0.1159f, manifest.Constants.VaeShiftFactor);
        Assert.Equal("flow-match-euler", manifest.Constants.Scheduler);
        Assert.Null(manifest.OptionalComponent("unet"));
    }

    [Fact]
    public void Omitted_roles_keep_their_own_names_and_defaults_apply()
    {
        var path = TinyModelSet.WriteSd(_folder);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var decoder = json["components"]!["vae_decoder"]!.AsObject();
        decoder.Remove("inputs");
        decoder.Remove("outputs");
        decoder.Remove("dtype");
        json["constants"] = new JsonObject { ["sizeMultiple"] = 64, ["defaultWidth"] = 512, ["defaultHeight"] = 512 };
        File.WriteAllText(path, json.ToJsonString());

        var manifest = ModelManifest.Load(path);

        var component = manifest.Component("vae_decoder");
        Assert.Equal("latent_sample", component.Input("latent_sample"));
        Assert.Equal("sample", component.Output("sample"));
        Assert.Equal(TensorDType.Float32, component.DType);
        Assert.Equal(0.18215f, manifest.Constants.VaeScalingFactor);
        Assert.Equal(77, manifest.Constants.ClipTokenLength);
    }

    [Fact]
    public void Unknown_roles_and_dtypes_and_bad_json_are_errors_naming_the_file()
    {
        var path = TinyModelSet.WriteSd(_folder);
        var original = File.ReadAllText(path);

        File.WriteAllText(path, original.Replace("\"out_sample\": \"out_sample\"", "\"noise\": \"out_sample\"", StringComparison.Ordinal));
        var role = Assert.Throws<ModelLoadException>(() => ModelManifest.Load(path));
        File.WriteAllText(path, original.Replace("\"dtype\": \"fp32\"", "\"dtype\": \"bf16\"", StringComparison.Ordinal));
        var dtype = Assert.Throws<ModelLoadException>(() => ModelManifest.Load(path));
        File.WriteAllText(path, "{ not json");
        var json = Assert.Throws<ModelLoadException>(() => ModelManifest.Load(path));

        Assert.Contains("unknown output role 'noise'", role.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown dtype 'bf16'", dtype.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", json.Message, StringComparison.Ordinal);
        Assert.All(new[] { role, dtype, json }, e => Assert.Contains(path, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_tokenizer_file_is_named()
    {
        var path = TinyModelSet.WriteSd(_folder);
        var merges = Path.Combine(_folder, "sd-tiny", "tokenizer", "merges.txt");
        File.Delete(merges);

        var error = Assert.Throws<ModelLoadException>(() => ModelManifest.Load(path));

        Assert.Contains(merges, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

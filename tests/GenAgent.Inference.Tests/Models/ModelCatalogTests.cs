using System.Text.Json.Nodes;
using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.TestModels;
using GenAgent.Inference.TestModels.Onnx;

namespace GenAgent.Inference.Tests.Models;

/// <summary>Startup errors must name the manifest, the model file and the tensor.</summary>
public sealed class ModelCatalogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "catalog-" + Guid.NewGuid().ToString("N"));
    private readonly OrtSessionFactory _factory = new(ProviderPolicy.Cpu);

    public ModelCatalogTests() => Directory.CreateDirectory(_folder);

    private string Manifest => Path.Combine(_folder, "sd-tiny.json");

    private ModelLoadException LoadFails() => Assert.Throws<ModelLoadException>(() => ModelCatalog.Load(_folder, _factory, warmUp: false));

    private void EditManifest(Action<JsonObject> edit) => EditJson(Manifest, edit);

    /// <summary>Writes the tiny SD set, applies <paramref name="edit"/> to its manifest, and returns the failed load's message.</summary>
    private string LoadFailsAfter(Action<JsonObject> edit)
    {
        TinyModelSet.WriteSd(_folder);
        EditManifest(edit);
        return LoadFails().Message;
    }

    private static void EditJson(string path, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private string SdFile(string file) => Path.Combine(_folder, TinyModelSet.SdName, file);

    /// <summary>Writes the tiny SD set with <paramref name="file"/> replaced by <paramref name="graph"/>; returns the file's path.</summary>
    private string WriteSdWith(string file, OnnxGraphBuilder graph)
    {
        TinyModelSet.WriteSd(_folder);
        var path = SdFile(file);
        File.WriteAllBytes(path, graph.ToModel());
        return path;
    }

    [Fact]
    public void Loads_the_tiny_set_with_limits_and_memory_figures()
    {
        TinyModelSet.Write(_folder);

        using var catalog = ModelCatalog.Load(_folder, _factory);

        Assert.Equal(["flux-tiny", "sd-tiny"], catalog.Pipelines.Select(p => p.Manifest.Name).Order());
        Assert.Equal("clip-tiny", catalog.Clip!.Name);
        var sd = catalog.FindPipeline("SD-TINY")!;
        Assert.Equal(new GenAgent.Inference.Pipelines.PipelineLimits(64, 64, 32, 256, 256, 4, 2, true), sd.Limits);
        Assert.Null(catalog.FindPipeline("nope"));
        Assert.All(catalog.Memory, m => Assert.True(m.FileBytes > 0));
        Assert.Equal(3, catalog.Memory.Count);
    }

    [Fact]
    public void Missing_folder_is_named()
    {
        var missing = Path.Combine(_folder, "nothing-here");

        var error = Assert.Throws<ModelLoadException>(() => ModelCatalog.Load(missing, _factory));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_without_manifests_is_an_error()
    {
        Assert.Contains("no *.json", LoadFails().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_file_names_the_manifest_and_the_file()
    {
        TinyModelSet.WriteSd(_folder);
        var unet = SdFile("unet.onnx");
        File.Delete(unet);

        var message = LoadFails().Message;

        Assert.Contains(Manifest, message, StringComparison.Ordinal);
        Assert.Contains(unet, message, StringComparison.Ordinal);
        Assert.Contains("'unet'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_tensor_name_names_the_file_and_the_tensor()
    {
        var message = LoadFailsAfter(m => m["components"]!["unet"]!["inputs"]!["sample"] = "latents");

        Assert.Contains(Manifest, message, StringComparison.Ordinal);
        Assert.Contains(SdFile("unet.onnx"), message, StringComparison.Ordinal);
        Assert.Contains("input tensor 'latents' (role 'sample') is not in the model", message, StringComparison.Ordinal);
        Assert.Contains("encoder_hidden_states", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_output_name_is_reported_as_an_output()
    {
        var message = LoadFailsAfter(m => m["components"]!["vae_decoder"]!["outputs"]!["sample"] = "image");

        Assert.Contains("output tensor 'image' (role 'sample')", message, StringComparison.Ordinal);
        Assert.Contains("vae_decoder.onnx", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_rank_names_the_tensor_and_both_ranks()
    {
        var g = new OnnxGraphBuilder("rank3");
        g.Node("Identity", [g.Input("latent_sample", OnnxElementType.Float, "batch", 4, 64)], "sample");
        g.Output("sample", OnnxElementType.Float, "batch", 4, 64);
        var decoder = WriteSdWith("vae_decoder.onnx", g);

        var message = LoadFails().Message;

        Assert.Contains(decoder, message, StringComparison.Ordinal);
        Assert.Contains("input tensor 'latent_sample' (role 'latent_sample') has rank 3", message, StringComparison.Ordinal);
        Assert.Contains("expected rank 4", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dtype_mismatch_names_the_tensor()
    {
        var message = LoadFailsAfter(m => m["components"]!["vae_decoder"]!["dtype"] = "fp16");

        Assert.Contains("'latent_sample'", message, StringComparison.Ordinal);
        Assert.Contains("expected fp16", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_component_and_unknown_kind_name_the_manifest()
    {
        var missing = LoadFailsAfter(m => m["components"]!.AsObject().Remove("unet"));
        EditManifest(m => m["kind"] = "dalle");
        var kind = LoadFails().Message;

        Assert.Contains(Manifest, missing, StringComparison.Ordinal);
        Assert.Contains("component 'unet' is required", missing, StringComparison.Ordinal);
        Assert.Contains("Unknown model kind 'dalle'", kind, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_input_the_manifest_does_not_map_is_an_error()
    {
        var g = new OnnxGraphBuilder("extra");
        var ids = g.Input("input_ids", OnnxElementType.Int32, "batch", 77);
        g.Input("attention_mask", OnnxElementType.Int64, "batch", 77);
        var wide = g.Node("Cast", [ids], attributes: OnnxAttribute.Int("to", 1));
        g.Node("Unsqueeze", [wide, g.Constant([2L], 1)], "last_hidden_state");
        g.Output("last_hidden_state", OnnxElementType.Float, "batch", 77, 1);
        WriteSdWith("text_encoder.onnx", g);

        var message = LoadFails().Message;

        Assert.Contains("input tensor 'attention_mask' is not described by the manifest", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_model_file_names_the_file()
    {
        TinyModelSet.WriteSd(_folder);
        var unet = SdFile("unet.onnx");
        File.WriteAllText(unet, "this is not a protobuf");

        var message = LoadFails().Message;

        Assert.Contains(Manifest, message, StringComparison.Ordinal);
        Assert.Contains($"ONNX Runtime cannot load model file '{unet}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        TinyModelSet.WriteSd(_folder);
        TinyModelSet.WriteSd(_folder, "sd-tiny-2");
        EditJson(Path.Combine(_folder, "sd-tiny-2.json"), m => m["name"] = "sd-tiny");

        Assert.Contains("already used", LoadFails().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_constants_are_rejected()
    {
        var message = LoadFailsAfter(m => m["constants"]!["sizeMultiple"] = 12);

        Assert.Contains("'sizeMultiple' (12) must be a multiple of 8", message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

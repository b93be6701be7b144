using GenAgent.Inference.TestModels;
using GenAgent.Inference.TestModels.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenAgent.Inference.Tests.TestModels;

public sealed class TinyModelSetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tiny-" + Guid.NewGuid().ToString("N"));

    private static Dictionary<string, int> Ranks(IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        metadata.ToDictionary(p => p.Key, p => p.Value.Dimensions.Length);

    [Fact]
    public void Writes_manifests_and_models_with_the_real_names_and_ranks()
    {
        var manifests = TinyModelSet.Write(_folder);

        Assert.Equal(["sd-tiny.json", "flux-tiny.json", "clip-tiny.json"], manifests.Select(Path.GetFileName));
        using var unet = new InferenceSession(Path.Combine(_folder, "sd-tiny", "unet.onnx"));
        Assert.Equal(new Dictionary<string, int> { ["sample"] = 4, ["timestep"] = 1, ["encoder_hidden_states"] = 3 }, Ranks(unet.InputMetadata));
        Assert.Equal(new Dictionary<string, int> { ["out_sample"] = 4 }, Ranks(unet.OutputMetadata));
        using var transformer = new InferenceSession(Path.Combine(_folder, "flux-tiny", "transformer.onnx"));
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["hidden_states"] = 3, ["encoder_hidden_states"] = 3, ["pooled_projections"] = 2, ["timestep"] = 1,
                ["img_ids"] = 2, ["txt_ids"] = 2, ["guidance"] = 1,
            },
            Ranks(transformer.InputMetadata));
        Assert.Equal([-1, -1, 64], transformer.InputMetadata["hidden_states"].Dimensions);
        Assert.True(File.Exists(Path.Combine(_folder, "flux-tiny", "tokenizer_2", "spiece.model")));
        Assert.True(File.Exists(Path.Combine(_folder, "clip-tiny", "tokenizer", "merges.txt")));
    }

    [Fact]
    public void Authored_graph_computes_what_it_says()
    {
        // y = x * 2 + 1 over a symbolic batch, written with the protobuf writer and run by ONNX Runtime.
        var g = new OnnxGraphBuilder("affine");
        var x = g.Input("x", OnnxElementType.Float, "batch", 3);
        g.Node("Add", [g.Node("Mul", [x, g.Scalar(2f)]), g.Scalar(1f)], "y");
        g.Output("y", OnnxElementType.Float, "batch", 3);
        using var session = new InferenceSession(g.ToModel());
        using var input = OrtValue.CreateTensorValueFromMemory(new[] { 0f, 1f, -2f, 3f, 0.5f, 10f }, [2, 3]);

        using var outputs = session.Run(new RunOptions(), ["x"], [input], ["y"]);

        Assert.Equal([1f, 3f, -3f, 7f, 2f, 21f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void Float16_boundary_declares_fp16_inputs_and_outputs()
    {
        var g = new OnnxGraphBuilder("half") { Float16Boundary = true };
        var x = g.Input("x", OnnxElementType.Float, 2);
        g.Node("Mul", [x, g.Scalar(3f)], "y");
        g.Output("y", OnnxElementType.Float, 2);
        using var session = new InferenceSession(g.ToModel());

        Assert.Equal(TensorElementType.Float16, session.InputMetadata["x"].ElementDataType);
        Assert.Equal(TensorElementType.Float16, session.OutputMetadata["y"].ElementDataType);
        using var input = OrtValue.CreateTensorValueFromMemory(new[] { (Float16)1.5f, (Float16)(-2f) }, [2]);
        using var outputs = session.Run(new RunOptions(), ["x"], [input], ["y"]);
        Assert.Equal([4.5f, -6f], outputs[0].GetTensorDataAsSpan<Float16>().ToArray().Select(h => (float)h));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

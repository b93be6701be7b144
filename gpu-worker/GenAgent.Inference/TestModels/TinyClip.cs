using GenAgent.Inference.TestModels.Onnx;

namespace GenAgent.Inference.TestModels;

/// <summary>
/// The "clip-tiny" judge: image_embeds = mean RGB of the preprocessed 224x224 input times ImageWeight
/// [3, 4]; text_embeds = mean token embedding times TextWeight [8, 4].
/// </summary>
public static class TinyClip
{
    public const int EmbedSize = 4;
    public const int TokenLength = 77;

    public static float ImageWeight(int rgb, int e) => MathF.Cos((1.3f * rgb) + (0.9f * e) + 0.2f);

    public static float TextWeight(int j, int e) => MathF.Sin((0.6f * j) + (1.4f * e) + 0.4f);

    internal static byte[] VisionEncoder()
    {
        var g = new OnnxGraphBuilder("clip_tiny_vision");
        var pixels = g.Input("pixel_values", OnnxElementType.Float, "batch", 3, 224, 224);
        var mean = g.Node("Flatten", [g.Node("GlobalAveragePool", [pixels])], attributes: OnnxAttribute.Int("axis", 1));
        g.Node("MatMul", [mean, g.Constant(TinyWeights.Table(3, EmbedSize, ImageWeight), 3, EmbedSize)], "image_embeds");
        g.Output("image_embeds", OnnxElementType.Float, "batch", EmbedSize);
        return g.ToModel();
    }

    internal static byte[] TextEncoder()
    {
        var g = new OnnxGraphBuilder("clip_tiny_text");
        var ids = g.Input("input_ids", OnnxElementType.Int64, "batch", TokenLength);
        var rows = g.Node("Mod", [ids, g.Constant([(long)TinyWeights.EmbeddingRows])], attributes: OnnxAttribute.Int("fmod", 0));
        var hidden = g.Node("Gather", [g.Constant(TinyWeights.EmbeddingTable(), TinyWeights.EmbeddingRows, TinyWeights.Hidden), rows], attributes: OnnxAttribute.Int("axis", 0));
        var mean = g.Node("ReduceMean", [hidden], attributes: [OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0)]);
        g.Node("MatMul", [mean, g.Constant(TinyWeights.Table(TinyWeights.Hidden, EmbedSize, TextWeight), TinyWeights.Hidden, EmbedSize)], "text_embeds");
        g.Output("text_embeds", OnnxElementType.Float, "batch", EmbedSize);
        return g.ToModel();
    }
}

using GenAgent.Inference.TestModels.Onnx;

namespace GenAgent.Inference.TestModels;

/// <summary>
/// The "flux-tiny" set (16 latent channels, 2x2 patches, 64-wide tokens). Its transformer predicts
/// the velocity v = (x - T) / sigma (the timestep input is sigma), so flow-matching Euler ends on T:
/// T[b, s, k] = TokenBase[k] + pooled[b]·PooledWeight + mean_t(t5[b, t])·T5Weight + GuidanceWeight·guidance[b]
/// + img_ids[s]·ImageIdWeight + sum(txt_ids)·1. Wrong position ids or a missing guidance input change the image.
/// </summary>
public static class TinyFlux
{
    public const int Channels = 16;
    public const int TokenWidth = 64;
    public const int ClipLength = 77;
    public const int T5Length = 16;
    public const float GuidanceWeight = 0.02f;

    public static IReadOnlyList<float> ImageIdWeight { get; } = [0f, 0.05f, -0.05f];

    public static float TokenBase(int k) => 0.3f * MathF.Sin(0.5f * k);

    public static float PooledWeight(int j) => 0.2f * MathF.Cos(0.8f * j);

    public static float T5Weight(int j) => 0.15f * MathF.Sin((1.1f * j) + 0.3f);

    public static float DecoderWeight(int rgb, int c) => 0.05f * MathF.Sin((0.7f * c) + (2.1f * rgb));

    public static IReadOnlyList<float> DecoderBias { get; } = [0.05f, 0f, -0.05f];

    public static float EncoderWeight(int c, int rgb) => 0.1f * MathF.Cos((0.3f * c) + rgb);

    /// <summary>The per-item part of the target: pooled and T5 terms plus the guidance term.</summary>
    public static float ItemOffset(IReadOnlyList<long> clipIds, IReadOnlyList<long> t5Ids, float guidance)
    {
        var pooled = TinyWeights.MeanEmbedding(clipIds);
        var t5 = TinyWeights.MeanEmbedding(t5Ids);
        var offset = GuidanceWeight * guidance;
        for (var j = 0; j < TinyWeights.Hidden; j++)
        {
            offset += (pooled[j] * PooledWeight(j)) + (t5[j] * T5Weight(j));
        }

        return offset;
    }

    internal static byte[] ClipEncoder()
    {
        var g = new OnnxGraphBuilder("flux_tiny_clip");
        var ids = g.Input("input_ids", OnnxElementType.Int64, "batch", ClipLength);
        var hidden = Embed(g, ids);
        g.Node("ReduceMean", [hidden], "pooler_output", OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0));
        g.Output("pooler_output", OnnxElementType.Float, "batch", TinyWeights.Hidden);
        return g.ToModel();
    }

    internal static byte[] T5Encoder()
    {
        var g = new OnnxGraphBuilder("flux_tiny_t5");
        var ids = g.Input("input_ids", OnnxElementType.Int64, "batch", "sequence");
        g.Node("Identity", [Embed(g, ids)], "last_hidden_state");
        g.Output("last_hidden_state", OnnxElementType.Float, "batch", "sequence", TinyWeights.Hidden);
        return g.ToModel();
    }

    internal static byte[] Transformer()
    {
        var g = new OnnxGraphBuilder("flux_tiny_transformer");
        var x = g.Input("hidden_states", OnnxElementType.Float, "batch", "image_tokens", TokenWidth);
        var text = g.Input("encoder_hidden_states", OnnxElementType.Float, "batch", "text_tokens", TinyWeights.Hidden);
        var pooled = g.Input("pooled_projections", OnnxElementType.Float, "batch", TinyWeights.Hidden);
        var timestep = g.Input("timestep", OnnxElementType.Float, "batch");
        var imageIds = g.Input("img_ids", OnnxElementType.Float, "image_tokens", 3);
        var textIds = g.Input("txt_ids", OnnxElementType.Float, "text_tokens", 3);
        var guidance = g.Input("guidance", OnnxElementType.Float, "batch");

        var pooledTerm = g.Node("MatMul", [pooled, g.Constant(TinyWeights.Table(TinyWeights.Hidden, 1, (j, _) => PooledWeight(j)), TinyWeights.Hidden, 1)]);
        var textMean = g.Node("ReduceMean", [text], attributes: [OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0)]);
        var textTerm = g.Node("MatMul", [textMean, g.Constant(TinyWeights.Table(TinyWeights.Hidden, 1, (j, _) => T5Weight(j)), TinyWeights.Hidden, 1)]);
        var guidanceTerm = g.Node("Mul", [g.Node("Reshape", [guidance, g.Constant([-1L, 1], 2)]), g.Scalar(GuidanceWeight)]);
        var item = g.Node("Reshape", [g.Node("Add", [g.Node("Add", [pooledTerm, textTerm]), guidanceTerm]), g.Constant([-1L, 1, 1], 3)]);
        var position = g.Node("MatMul", [imageIds, g.Constant([.. ImageIdWeight], 3, 1)]);
        var textPosition = g.Node("ReduceSum", [g.Node("MatMul", [textIds, g.Constant([1f, 1f, 1f], 3, 1)])], attributes: OnnxAttribute.Int("keepdims", 0));
        var tokenBase = g.Constant(Enumerable.Range(0, TokenWidth).Select(TokenBase).ToArray(), TokenWidth);
        var target = g.Node("Add", [g.Node("Add", [g.Node("Add", [tokenBase, item]), position]), textPosition]);
        g.Node("Div", [g.Node("Sub", [x, target]), g.Node("Reshape", [timestep, g.Constant([-1L, 1, 1], 3)])], "sample");
        g.Output("sample", OnnxElementType.Float, "batch", "image_tokens", TokenWidth);
        return g.ToModel();
    }

    internal static byte[] VaeDecoder() => TinyVae.Decoder("flux_tiny_vae_decoder", Channels, DecoderWeight, [.. DecoderBias]);

    internal static byte[] VaeEncoder() => TinyVae.Encoder("flux_tiny_vae_encoder", Channels, EncoderWeight);

    private static string Embed(OnnxGraphBuilder g, string ids)
    {
        var rows = g.Node("Mod", [ids, g.Constant([(long)TinyWeights.EmbeddingRows])], attributes: OnnxAttribute.Int("fmod", 0));
        return g.Node("Gather", [g.Constant(TinyWeights.EmbeddingTable(), TinyWeights.EmbeddingRows, TinyWeights.Hidden), rows], attributes: OnnxAttribute.Int("axis", 0));
    }
}

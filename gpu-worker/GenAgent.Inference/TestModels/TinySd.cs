using GenAgent.Inference.Schedulers;
using GenAgent.Inference.TestModels.Onnx;

namespace GenAgent.Inference.TestModels;

/// <summary>
/// The "sd-tiny" set. Its UNet knows the schedule's sigma for each timestep, undoes the input
/// scaling, and predicts the noise eps = (x - T) / sigma that makes the denoised estimate exactly
/// the target T[b, c] = LatentBase[c] + sum_j mean_t(hidden[b, t, j]) * TextWeight[j, c]; so any
/// number of Euler or Euler-ancestral steps ends on T, and with guidance s on
/// T_uncond + s (T_cond - T_uncond). The VAE decoder is a 1x1 convolution then 8x nearest upsampling.
/// </summary>
public static class TinySd
{
    public const int Channels = 4;
    public const int TokenLength = 77;

    public static IReadOnlyList<float> LatentBase { get; } = [0.5f, -0.3f, 0.2f, -0.6f];

    public static float TextWeight(int j, int c) => 0.3f * MathF.Cos((0.9f * j) + (1.7f * c));

    /// <summary>[rgb, c] weights of the decoder's 1x1 convolution.</summary>
    public static float DecoderWeight(int rgb, int c) => 0.04f * MathF.Sin((1.1f * c) + (2.3f * rgb) + 0.5f);

    public static IReadOnlyList<float> DecoderBias { get; } = [0.1f, -0.05f, 0f];

    /// <summary>[c, rgb] weights of the encoder's 1x1 convolution (after 8x8 average pooling).</summary>
    public static float EncoderWeight(int c, int rgb) => 0.2f * MathF.Cos((0.8f * c) + (1.9f * rgb));

    /// <summary>The target latent for one prompt's token ids.</summary>
    public static float[] Target(IReadOnlyList<long> ids)
    {
        var mean = TinyWeights.MeanEmbedding(ids);
        var target = new float[Channels];
        for (var c = 0; c < Channels; c++)
        {
            target[c] = LatentBase[c];
            for (var j = 0; j < TinyWeights.Hidden; j++)
            {
                target[c] += mean[j] * TextWeight(j, c);
            }
        }

        return target;
    }

    internal static byte[] TextEncoder(bool float16 = false)
    {
        var g = new OnnxGraphBuilder("sd_tiny_text_encoder") { Float16Boundary = float16 };
        var ids = g.Input("input_ids", OnnxElementType.Int32, "batch", TokenLength);
        var wide = g.Node("Cast", [ids], attributes: OnnxAttribute.Int("to", (long)OnnxElementType.Int64));
        var rows = g.Node("Mod", [wide, g.Constant([(long)TinyWeights.EmbeddingRows])], attributes: OnnxAttribute.Int("fmod", 0));
        g.Node("Gather", [g.Constant(TinyWeights.EmbeddingTable(), TinyWeights.EmbeddingRows, TinyWeights.Hidden), rows], "last_hidden_state", OnnxAttribute.Int("axis", 0));
        g.Output("last_hidden_state", OnnxElementType.Float, "batch", TokenLength, TinyWeights.Hidden);
        return g.ToModel();
    }

    /// <param name="float16">fp16 float inputs and outputs.</param>
    /// <param name="timestepDims">The timestep's shape: [batch] by default; [1] or [] (a scalar) like some exports.</param>
    internal static byte[] Unet(bool float16 = false, object[]? timestepDims = null)
    {
        var g = new OnnxGraphBuilder("sd_tiny_unet") { Float16Boundary = float16 };
        var sample = g.Input("sample", OnnxElementType.Float, "batch", Channels, "height", "width");
        var timestep = g.Input("timestep", OnnxElementType.Int64, timestepDims ?? ["batch"]);
        var hidden = g.Input("encoder_hidden_states", OnnxElementType.Float, "batch", TokenLength, TinyWeights.Hidden);

        var table = DiscreteSigmas.Table(1000, 0.00085, 0.012).Select(s => (float)s).ToArray();
        var sigma = g.Node("Gather", [g.Constant(table, table.Length), timestep], attributes: OnnxAttribute.Int("axis", 0));
        var sigma4 = g.Node("Reshape", [sigma, g.Constant([-1L, 1, 1, 1], 4)]);
        var root = g.Node("Sqrt", [g.Node("Add", [g.Node("Mul", [sigma4, sigma4]), g.Scalar(1f)])]);
        var x = g.Node("Mul", [sample, root]);

        var mean = g.Node("ReduceMean", [hidden], attributes: [OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0)]);
        var projected = g.Node("MatMul", [mean, g.Constant(TinyWeights.Table(TinyWeights.Hidden, Channels, TextWeight), TinyWeights.Hidden, Channels)]);
        var target = g.Node("Add", [g.Node("Reshape", [projected, g.Constant([-1L, Channels, 1, 1], 4)]), g.Constant([.. LatentBase], 1, Channels, 1, 1)]);
        g.Node("Div", [g.Node("Sub", [x, target]), sigma4], "out_sample");
        g.Output("out_sample", OnnxElementType.Float, "batch", Channels, "height", "width");
        return g.ToModel();
    }

    internal static byte[] VaeDecoder(bool float16 = false, bool singleImage = false) => TinyVae.Decoder("sd_tiny_vae_decoder", Channels, DecoderWeight, [.. DecoderBias], float16, singleImage);

    internal static byte[] VaeEncoder(bool float16 = false, bool parameters = false) => TinyVae.Encoder("sd_tiny_vae_encoder", Channels, EncoderWeight, float16, parameters);
}

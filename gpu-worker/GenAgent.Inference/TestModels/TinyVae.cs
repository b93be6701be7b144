using GenAgent.Inference.TestModels.Onnx;

namespace GenAgent.Inference.TestModels;

/// <summary>
/// Linear stand-ins for a VAE: decode = 1x1 conv + 8x nearest upsampling; encode = 8x8 average pooling + 1x1 conv.
/// Variants of real exports: a decoder whose batch is fixed at 1, and an encoder that returns the distribution's
/// parameters (mean then log-variance, 2C channels, as optimum's current exports name <c>latent_parameters</c>).
/// </summary>
internal static class TinyVae
{
    public const int Factor = 8;

    public static byte[] Decoder(string name, int channels, Func<int, int, float> weight, float[] bias, bool float16 = false, bool singleImage = false)
    {
        var g = new OnnxGraphBuilder(name) { Float16Boundary = float16 };
        object batch = singleImage ? 1 : "batch";
        var latent = g.Input("latent_sample", OnnxElementType.Float, batch, channels, "latent_height", "latent_width");
        var conv = g.Node("Conv", [latent, g.Constant(TinyWeights.Table(3, channels, weight), 3, channels, 1, 1), g.Constant(bias, 3)]);
        g.Node(
            "Resize",
            [conv, string.Empty, g.Constant([1f, 1f, Factor, Factor], 4)],
            "sample",
            OnnxAttribute.String("mode", "nearest"),
            OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"),
            OnnxAttribute.String("nearest_mode", "floor"));
        g.Output("sample", OnnxElementType.Float, batch, 3, "height", "width");
        return g.ToModel();
    }

    public static byte[] Encoder(string name, int channels, Func<int, int, float> weight, bool float16 = false, bool parameters = false)
    {
        var g = new OnnxGraphBuilder(name) { Float16Boundary = float16 };
        var sample = g.Input("sample", OnnxElementType.Float, "batch", 3, "height", "width");
        var pooled = g.Node("AveragePool", [sample], attributes: [OnnxAttribute.Ints("kernel_shape", Factor, Factor), OnnxAttribute.Ints("strides", Factor, Factor)]);
        var meanWeights = g.Constant(TinyWeights.Table(channels, 3, weight), channels, 3, 1, 1);
        if (!parameters)
        {
            g.Node("Conv", [pooled, meanWeights], "latent_sample");
            g.Output("latent_sample", OnnxElementType.Float, "batch", channels, "latent_height", "latent_width");
            return g.ToModel();
        }

        // A log-variance far from the mean's values, so a reader that takes the wrong half lands far off.
        var mean = g.Node("Conv", [pooled, meanWeights]);
        var logVariance = g.Node("Conv", [pooled, g.Constant(TinyWeights.Table(channels, 3, (c, rgb) => -weight(c, rgb)), channels, 3, 1, 1), g.Constant(Enumerable.Repeat(-4f, channels).ToArray(), channels)]);
        g.Node("Concat", [mean, logVariance], "latent_parameters", OnnxAttribute.Int("axis", 1));
        g.Output("latent_parameters", OnnxElementType.Float, "batch", 2 * channels, "latent_height", "latent_width");
        return g.ToModel();
    }
}

using GenAgent.Inference.TestModels;
using GenAgent.Inference.Tokenizers;

namespace GenAgent.Inference.Tests.Pipelines;

/// <summary>Hand computation of what the tiny models must produce, from their published weights.</summary>
internal static class Expected
{
    public static byte Byte(float signed) => (byte)Math.Round(Math.Clamp((signed + 1.0) / 2.0, 0, 1) * 255, MidpointRounding.AwayFromZero);

    public static ClipTokenizer ClipTokenizer(string folder, string model) =>
        GenAgent.Inference.Tokenizers.ClipTokenizer.Load(Path.Combine(folder, model, "tokenizer", "vocab.json"), Path.Combine(folder, model, "tokenizer", "merges.txt"));

    /// <summary>sd-tiny: a uniform colour; with guidance s the target is T_u + s (T_c - T_u).</summary>
    public static (byte R, byte G, byte B) SdColour(ClipTokenizer tokenizer, string prompt, float guidance = 0, string negative = "")
    {
        var target = TinySd.Target(tokenizer.Encode(prompt));
        if (guidance > 1)
        {
            var uncond = TinySd.Target(tokenizer.Encode(negative));
            target = target.Select((t, c) => uncond[c] + (guidance * (t - uncond[c]))).ToArray();
        }

        var rgb = new byte[3];
        for (var k = 0; k < 3; k++)
        {
            var value = TinySd.DecoderBias[k];
            for (var c = 0; c < TinySd.Channels; c++)
            {
                value += TinySd.DecoderWeight(k, c) * (target[c] / 0.18215f);
            }

            rgb[k] = Byte(value);
        }

        return (rgb[0], rgb[1], rgb[2]);
    }

    /// <summary>flux-tiny: one colour per 8x8 block of the image (one latent cell), [y, x, rgb].</summary>
    public static byte[,,] FluxBlocks(long[] clipIds, long[] t5Ids, float guidance, int width, int height)
    {
        var (h, w) = (height / 8, width / 8);
        var offset = TinyFlux.ItemOffset(clipIds, t5Ids, guidance);
        var blocks = new byte[h, w, 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // The latent cell (c, y, x) sits in token (y/2, x/2) at feature c*4 + (y%2)*2 + (x%2).
                var (row, col) = (y / 2, x / 2);
                for (var k = 0; k < 3; k++)
                {
                    var value = TinyFlux.DecoderBias[k];
                    for (var c = 0; c < TinyFlux.Channels; c++)
                    {
                        var feature = (c * 4) + ((y % 2) * 2) + (x % 2);
                        var latent = TinyFlux.TokenBase(feature) + offset + (0.05f * row) - (0.05f * col);
                        value += TinyFlux.DecoderWeight(k, c) * ((latent / 0.3611f) + 0.1159f);
                    }

                    blocks[y, x, k] = Byte(value);
                }
            }
        }

        return blocks;
    }

    public static void AssertNear(byte expected, byte actual, string where)
    {
        Assert.True(Math.Abs(expected - actual) <= 1, $"{where}: expected {expected}, got {actual}");
    }
}

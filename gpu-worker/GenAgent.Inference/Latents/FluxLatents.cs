namespace GenAgent.Inference.Latents;

/// <summary>
/// FLUX latent packing: [B, C, H, W] latents become [B, (H/p)(W/p), C*p*p] tokens (reshape
/// [B,C,H/p,p,W/p,p], permute 0,2,4,1,3,5), and back; img_ids rows are (0, row, col) per token, txt_ids zeros.
/// </summary>
public static class FluxLatents
{
    public static float[] Pack(ReadOnlySpan<float> latents, int batch, int channels, int height, int width, int patch = 2)
    {
        CheckDivisible(height, width, patch);
        var packed = new float[latents.Length];
        for (var i = 0; i < batch * channels * height * width; i++)
        {
            packed[PackedIndex(i, channels, height, width, patch)] = latents[i];
        }

        return packed;
    }

    public static float[] Unpack(ReadOnlySpan<float> packed, int batch, int channels, int height, int width, int patch = 2)
    {
        CheckDivisible(height, width, patch);
        var latents = new float[packed.Length];
        for (var i = 0; i < batch * channels * height * width; i++)
        {
            latents[i] = packed[PackedIndex(i, channels, height, width, patch)];
        }

        return latents;
    }

    /// <summary>[(H/p)(W/p), 3] rows (0, row, col) for a latent of <paramref name="height"/> x <paramref name="width"/>.</summary>
    public static float[] ImageIds(int height, int width, int patch = 2)
    {
        CheckDivisible(height, width, patch);
        var (rows, cols) = (height / patch, width / patch);
        var ids = new float[rows * cols * 3];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var i = ((r * cols) + c) * 3;
                ids[i + 1] = r;
                ids[i + 2] = c;
            }
        }

        return ids;
    }

    /// <summary>[length, 3] zeros: text tokens carry no position in FLUX's rotary embedding.</summary>
    public static float[] TextIds(int length) => new float[length * 3];

    public static int SequenceLength(int latentHeight, int latentWidth, int patch = 2) => (latentHeight / patch) * (latentWidth / patch);

    /// <summary>Where the latent at flat [B, C, H, W] index <paramref name="i"/> stands in the packed layout: one map, so Pack and Unpack stay inverses.</summary>
    private static int PackedIndex(int i, int channels, int height, int width, int patch)
    {
        var x = i % width;
        var y = i / width % height;
        var c = i / (width * height) % channels;
        var b = i / (width * height * channels);
        var token = ((y / patch) * (width / patch)) + (x / patch);
        var feature = (c * patch * patch) + ((y % patch) * patch) + (x % patch);
        return (((b * (height / patch) * (width / patch)) + token) * channels * patch * patch) + feature;
    }

    private static void CheckDivisible(int height, int width, int patch)
    {
        if (height % patch != 0 || width % patch != 0)
        {
            throw new ArgumentException($"Latent size {height}x{width} is not a multiple of the patch size {patch}.");
        }
    }
}

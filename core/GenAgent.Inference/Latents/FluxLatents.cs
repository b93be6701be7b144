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
        var (rows, cols) = (height / patch, width / patch);
        var tokenWidth = channels * patch * patch;
        var packed = new float[latents.Length];
        for (var b = 0; b < batch; b++)
        {
            for (var c = 0; c < channels; c++)
            {
                for (var y = 0; y < height; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        var token = ((y / patch) * cols) + (x / patch);
                        var feature = (c * patch * patch) + ((y % patch) * patch) + (x % patch);
                        packed[(((b * rows * cols) + token) * tokenWidth) + feature] =
                            latents[(((((b * channels) + c) * height) + y) * width) + x];
                    }
                }
            }
        }

        return packed;
    }

    public static float[] Unpack(ReadOnlySpan<float> packed, int batch, int channels, int height, int width, int patch = 2)
    {
        CheckDivisible(height, width, patch);
        var (rows, cols) = (height / patch, width / patch);
        var tokenWidth = channels * patch * patch;
        var latents = new float[packed.Length];
        for (var b = 0; b < batch; b++)
        {
            for (var c = 0; c < channels; c++)
            {
                for (var y = 0; y < height; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        var token = ((y / patch) * cols) + (x / patch);
                        var feature = (c * patch * patch) + ((y % patch) * patch) + (x % patch);
                        latents[(((((b * channels) + c) * height) + y) * width) + x] =
                            packed[(((b * rows * cols) + token) * tokenWidth) + feature];
                    }
                }
            }
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

    private static void CheckDivisible(int height, int width, int patch)
    {
        if (height % patch != 0 || width % patch != 0)
        {
            throw new ArgumentException($"Latent size {height}x{width} is not a multiple of the patch size {patch}.");
        }
    }
}

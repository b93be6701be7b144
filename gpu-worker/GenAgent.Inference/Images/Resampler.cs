namespace GenAgent.Inference.Images;

/// <summary>The kernels the reference preprocessors use: CLIP's processor resizes bicubic, diffusers' image processor Lanczos.</summary>
public enum ResampleFilter
{
    Bicubic,
    Lanczos,
}

/// <summary>
/// Antialiased separable resize of 8-bit RGB, computed the way Pillow's <c>Image.resize</c> does: when shrinking, the
/// kernel widens by the scale factor (so every source pixel contributes, nothing aliases); horizontal pass first into an
/// 8-bit intermediate, then vertical; weights in 22-bit fixed point with rounding, results clipped to 0..255.
/// Hand-written because the reference scores (CLIP, diffusers) are defined on Pillow's output and neither SkiaSharp's
/// cubic sampler (a fixed 4-tap kernel) nor any package here reproduces it.
/// </summary>
public static class Resampler
{
    private const int PrecisionBits = 32 - 8 - 2;

    /// <summary>Resizes interleaved RGB bytes (<paramref name="width"/> x <paramref name="height"/> x 3) to the target size.</summary>
    public static byte[] Resize(ReadOnlySpan<byte> rgb, int width, int height, int targetWidth, int targetHeight, ResampleFilter filter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetHeight);
        if (rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"Expected {width * height * 3} bytes for a {width}x{height} RGB image, got {rgb.Length}.", nameof(rgb));
        }

        var current = rgb.ToArray();
        if (targetWidth != width)
        {
            current = Horizontal(current, width, height, Coefficients(width, targetWidth, filter), targetWidth);
        }

        if (targetHeight != height)
        {
            current = Vertical(current, targetWidth, height, Coefficients(height, targetHeight, filter), targetHeight);
        }

        return current;
    }

    /// <summary>The kernel value at distance <paramref name="x"/> (in source pixels scaled to the kernel).</summary>
    public static double Kernel(ResampleFilter filter, double x) => filter switch
    {
        ResampleFilter.Bicubic => Bicubic(x),
        ResampleFilter.Lanczos => Lanczos(x),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    private static double Support(ResampleFilter filter) => filter == ResampleFilter.Lanczos ? 3.0 : 2.0;

    // Keys' cubic with a = -0.5 (Pillow's BICUBIC).
    private static double Bicubic(double x)
    {
        const double a = -0.5;
        x = Math.Abs(x);
        if (x < 1.0) return (((a + 2.0) * x) - (a + 3.0)) * x * x + 1.0;
        if (x < 2.0) return ((((x - 5.0) * x) + 8.0) * x - 4.0) * a;
        return 0.0;
    }

    private static double Sinc(double x)
    {
        if (x == 0.0) return 1.0;
        x *= Math.PI;
        return Math.Sin(x) / x;
    }

    private static double Lanczos(double x) => x is > -3.0 and < 3.0 ? Sinc(x) * Sinc(x / 3.0) : 0.0;

    /// <summary>For each output index, the first source index and the fixed-point weights of the source pixels it reads.</summary>
    private static (int Start, int[] Weights)[] Coefficients(int inSize, int outSize, ResampleFilter filter)
    {
        var scale = (double)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = Support(filter) * filterScale;
        var result = new (int, int[])[outSize];
        var weights = new double[(int)Math.Ceiling(support) * 2 + 1];
        for (var xx = 0; xx < outSize; xx++)
        {
            var center = (xx + 0.5) * scale;
            var xmin = Math.Max((int)(center - support + 0.5), 0);
            var xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            var total = 0.0;
            for (var x = 0; x < xmax; x++)
            {
                weights[x] = Kernel(filter, (x + xmin - center + 0.5) / filterScale);
                total += weights[x];
            }

            var fixedWeights = new int[xmax];
            for (var x = 0; x < xmax; x++)
            {
                var w = total != 0.0 ? weights[x] / total : 0.0;
                fixedWeights[x] = (int)((w * (1 << PrecisionBits)) + (w < 0 ? -0.5 : 0.5));
            }

            result[xx] = (xmin, fixedWeights);
        }

        return result;
    }

    private static byte Clip(long sum)
    {
        var value = sum >> PrecisionBits;
        return value < 0 ? (byte)0 : value > 255 ? (byte)255 : (byte)value;
    }

    private static byte[] Horizontal(byte[] source, int width, int height, (int Start, int[] Weights)[] coefficients, int outWidth)
    {
        var output = new byte[outWidth * height * 3];
        for (var y = 0; y < height; y++)
        {
            var row = y * width * 3;
            for (var xx = 0; xx < outWidth; xx++)
            {
                var (start, k) = coefficients[xx];
                for (var c = 0; c < 3; c++)
                {
                    long sum = 1L << (PrecisionBits - 1);
                    for (var x = 0; x < k.Length; x++)
                    {
                        sum += source[row + ((start + x) * 3) + c] * (long)k[x];
                    }

                    output[(((y * outWidth) + xx) * 3) + c] = Clip(sum);
                }
            }
        }

        return output;
    }

    private static byte[] Vertical(byte[] source, int width, int height, (int Start, int[] Weights)[] coefficients, int outHeight)
    {
        var output = new byte[width * outHeight * 3];
        for (var yy = 0; yy < outHeight; yy++)
        {
            var (start, k) = coefficients[yy];
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    long sum = 1L << (PrecisionBits - 1);
                    for (var y = 0; y < k.Length; y++)
                    {
                        sum += source[((((start + y) * width) + x) * 3) + c] * (long)k[y];
                    }

                    output[(((yy * width) + x) * 3) + c] = Clip(sum);
                }
            }
        }

        return output;
    }
}

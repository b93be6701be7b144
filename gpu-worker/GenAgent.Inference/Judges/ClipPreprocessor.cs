using GenAgent.Inference.Images;

namespace GenAgent.Inference.Judges;

/// <summary>
/// OpenAI CLIP's image preprocessing: shortest side to 224 (Pillow's antialiased bicubic), centre crop 224x224, /255,
/// then (x - mean) / std per channel; output [3, 224, 224].
/// </summary>
public static class ClipPreprocessor
{
    public const int Size = 224;

    public static IReadOnlyList<float> Mean { get; } = [0.48145466f, 0.4578275f, 0.40821073f];

    public static IReadOnlyList<float> Std { get; } = [0.26862954f, 0.26130258f, 0.27577711f];

    /// <summary>The size after scaling the shortest side to <paramref name="size"/>; the other side truncates, as transformers' CLIPImageProcessor does.</summary>
    public static (int Width, int Height) ResizedSize(int width, int height, int size = Size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return width <= height
            ? (size, (int)((long)size * height / width))
            : ((int)((long)size * width / height), size);
    }

    public static float[] Preprocess(byte[] encoded, int size = Size)
    {
        var (rgb, sourceWidth, sourceHeight) = ImageTensors.DecodeRgb(encoded);
        var (width, height) = ResizedSize(sourceWidth, sourceHeight, size);
        var pixels = Resampler.Resize(rgb, sourceWidth, sourceHeight, width, height, ResampleFilter.Bicubic);
        var left = (width - size) / 2;
        var top = (height - size) / 2;
        var plane = size * size;
        var tensor = new float[3 * plane];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var source = (((top + y) * width) + left + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    tensor[(c * plane) + (y * size) + x] = ((pixels[source + c] / 255f) - Mean[c]) / Std[c];
                }
            }
        }

        return tensor;
    }
}

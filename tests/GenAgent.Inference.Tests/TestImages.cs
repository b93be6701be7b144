using SkiaSharp;

namespace GenAgent.Inference.Tests;

/// <summary>Real encoded images made with SkiaSharp.</summary>
internal static class TestImages
{
    public static byte[] Solid(int width, int height, SKColor color, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(format, 100);
        return data.ToArray();
    }

    /// <summary>Left half <paramref name="left"/>, right half <paramref name="right"/>.</summary>
    public static byte[] Halves(int width, int height, SKColor left, SKColor right)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, x < width / 2 ? left : right);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static SKColor[] Pixels(byte[] png, out int width, out int height)
    {
        using var bitmap = SKBitmap.Decode(png);
        width = bitmap.Width;
        height = bitmap.Height;
        return bitmap.Pixels;
    }
}

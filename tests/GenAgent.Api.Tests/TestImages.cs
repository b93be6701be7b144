using SkiaSharp;

namespace GenAgent.Api.Tests;

internal static class TestImages
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Png(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.OrangeRed);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    public static bool IsPng(byte[] bytes) => bytes.AsSpan().StartsWith(PngSignature);
}

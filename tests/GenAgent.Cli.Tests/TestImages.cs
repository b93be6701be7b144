using SkiaSharp;

namespace GenAgent.Cli.Tests;

internal static class TestImages
{
    public static byte[] SolidPng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(240, 236, 226));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

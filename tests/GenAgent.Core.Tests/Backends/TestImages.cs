using SkiaSharp;

namespace GenAgent.Core.Tests.Backends;

/// <summary>Small real images drawn with SkiaSharp, for stub servers to send back.</summary>
internal static class TestImages
{
    public static byte[] Png(int width = 32, int height = 24) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 32, int height = 24) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static string PngBase64(int width = 32, int height = 24) => Convert.ToBase64String(Png(width, height));

    public static bool IsPng(byte[] bytes) => bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SkyBlue);
            using var paint = new SKPaint { Color = SKColors.OrangeRed };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}

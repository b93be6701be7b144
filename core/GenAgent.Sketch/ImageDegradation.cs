using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>What real pipelines do to images: lossy compression, sensor-like noise, resampling. Used by tests and audits.</summary>
internal static class ImageDegradation
{
    public static byte[] Jpeg(byte[] image, int quality) => Reencode(image, SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Resize(byte[] image, double factor)
    {
        using var source = SketchVision.Decode(image);
        var info = new SKImageInfo((int)Math.Round(source.Width * factor), (int)Math.Round(source.Height * factor), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var resized = source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return Png(resized);
    }

    /// <summary>Adds seeded uniform noise of up to <paramref name="amplitude"/> to every channel of every pixel.</summary>
    public static byte[] Noise(byte[] image, int amplitude, int seed)
    {
        using var bitmap = SketchVision.Decode(image);
        var rng = new Random(seed);
        var pixels = bitmap.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            pixels[i] = new SKColor(Shift(p.Red), Shift(p.Green), Shift(p.Blue), 255);
        }

        bitmap.Pixels = pixels;
        return Png(bitmap);

        byte Shift(byte v) => (byte)Math.Clamp(v + rng.Next(-amplitude, amplitude + 1), 0, 255);
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Reencode(byte[] image, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = SketchVision.Decode(image);
        using var encoded = SKImage.FromBitmap(bitmap);
        using var data = encoded.Encode(format, quality);
        return data.ToArray();
    }
}

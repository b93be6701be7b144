using SkiaSharp;

namespace GenAgent.Ocr.Imaging;

/// <summary>Decodes PNG, JPEG, WebP (anything SkiaSharp reads) into an opaque RGBA bitmap.</summary>
internal static class ImageLoader
{
    /// <summary>Larger images are refused before their pixels are decoded (a small file can claim a huge size).</summary>
    public const long MaxPixels = 50_000_000;

    public static SKBitmap Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length == 0)
        {
            throw new InvalidImageException("The image is empty.");
        }

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidImageException($"The {encoded.Length} bytes are not an image SkiaSharp can decode (PNG, JPEG, WebP, GIF, BMP).");
        var size = codec.Info;
        if (size.Width <= 0 || size.Height <= 0 || (long)size.Width * size.Height > MaxPixels)
        {
            throw new InvalidImageException($"The image is {size.Width}x{size.Height}; at most {MaxPixels} pixels are read.");
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new InvalidImageException($"The image could not be decoded: {result}.");
        }

        // Transparent pixels would read as black; text is judged as it shows on a white page.
        var opaque = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(opaque))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(decoded, 0, 0);
        }

        return opaque;
    }
}

using SkiaSharp;

namespace GenAgent.Discord.Sessions.Posting;

/// <summary>
/// Brings an image under a byte limit: the PNG as stored when it fits, else WebP and JPEG at falling quality, else the
/// same at half the size, and so on. Discord rejects a file over the interaction's <c>attachment_size_limit</c> with 413.
/// </summary>
public static class ImageFitter
{
    /// <summary>Below this edge length the picture says nothing any more; give up instead.</summary>
    public const int SmallestEdge = 16;

    // Alternating formats: WebP is usually smaller, but a JPEG step between keeps quality from falling too fast.
    private static readonly (SKEncodedImageFormat Format, int Quality)[] Steps =
    [
        (SKEncodedImageFormat.Webp, 90),
        (SKEncodedImageFormat.Jpeg, 85),
        (SKEncodedImageFormat.Webp, 70),
        (SKEncodedImageFormat.Jpeg, 60),
        (SKEncodedImageFormat.Webp, 50),
        (SKEncodedImageFormat.Jpeg, 40),
    ];

    /// <param name="image">The stored image (PNG, or any format Skia decodes).</param>
    /// <param name="baseName">The file name without extension, e.g. <c>round-2</c>.</param>
    /// <param name="maxBytes">The limit; at most this many bytes come back.</param>
    public static FittedImage Fit(byte[] image, string baseName, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageTooLargeException($"The image for {baseName} is in no format Skia decodes ({image.Length} bytes).");
        using var original = SKBitmap.Decode(codec)
            ?? throw new ImageTooLargeException($"The image for {baseName} does not decode ({image.Length} bytes).");
        if (image.Length <= maxBytes && IsPng(image))
            return new FittedImage(baseName + ".png", image, "image/png", original.Width, original.Height);

        var bitmap = original;
        try
        {
            while (true)
            {
                foreach (var (format, quality) in Steps)
                {
                    using var encoded = bitmap.Encode(format, quality);
                    if (encoded is not null && encoded.Size <= maxBytes)
                        return new FittedImage(baseName + Extension(format), encoded.ToArray(), MediaType(format), bitmap.Width, bitmap.Height);
                }
                var width = bitmap.Width / 2;
                var height = bitmap.Height / 2;
                if (Math.Min(width, height) < SmallestEdge)
                    throw new ImageTooLargeException($"The image for {baseName} does not fit in {maxBytes} bytes even at {bitmap.Width}x{bitmap.Height}.");
                var smaller = bitmap.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
                    ?? throw new ImageTooLargeException($"The image for {baseName} could not be downscaled to {width}x{height}.");
                if (!ReferenceEquals(bitmap, original)) bitmap.Dispose();
                bitmap = smaller;
            }
        }
        finally
        {
            if (!ReferenceEquals(bitmap, original)) bitmap.Dispose();
        }
    }

    private static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.Length > 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static string Extension(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Webp => ".webp",
        SKEncodedImageFormat.Jpeg => ".jpg",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an attachment format."),
    };

    private static string MediaType(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Webp => "image/webp",
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an attachment format."),
    };
}

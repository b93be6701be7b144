using SkiaSharp;

namespace GenAgent.Core.Images;

/// <summary>
/// The one check every image from outside passes (API, Discord attachments, triggers, the worker): a documented format
/// (PNG, JPEG or WebP), the declared media type matching the bytes, the header's dimensions within a pixel limit before
/// any pixel buffer is allocated, and every pixel decoded, so truncated or corrupt data is refused here rather than
/// failing later as a black or partial image.
/// </summary>
/// <remarks>
/// The GPU worker compiles this same file (it references no GenAgent.Core, to keep its image small), as internal types
/// so that its tests, which reference both, see one of each.
/// </remarks>
#if GENAGENT_WORKER
internal
#else
public
#endif
static class ImageIntake
{
    /// <summary>No side longer than any generator or editor here takes (a 16000000x1 strip is within a pixel budget).</summary>
    public const int MaxSide = 8192;

    private static readonly Dictionary<SKEncodedImageFormat, string> Documented = new()
    {
        [SKEncodedImageFormat.Png] = "image/png",
        [SKEncodedImageFormat.Jpeg] = "image/jpeg",
        [SKEncodedImageFormat.Webp] = "image/webp",
    };

    /// <summary>The decoded image (the caller disposes it) and the format it came in.</summary>
    /// <exception cref="ImageRejectedException">The bytes are not an acceptable image; the message says why.</exception>
    public static (SKBitmap Bitmap, string MediaType) Decode(byte[] bytes, long maxPixels, string? declaredMediaType = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw Unreadable(bytes);
        if (!Documented.TryGetValue(codec.EncodedFormat, out var mediaType))
            throw new ImageRejectedException($"The image is {codec.EncodedFormat.ToString().ToUpperInvariant()}; use PNG, JPEG or WebP.");
        if (declaredMediaType is { } declared && !Matches(declared, mediaType))
            throw new ImageRejectedException($"The image is declared as {declared} but its bytes are {mediaType}.");

        var info = codec.Info;
        if (info.Width < 1 || info.Height < 1 || info.Width > MaxSide || info.Height > MaxSide)
            throw new ImageRejectedException($"The image is {info.Width}x{info.Height}; each side must be 1 to {MaxSide} pixels.");
        if ((long)info.Width * info.Height > maxPixels)
            throw new ImageRejectedException($"The image is {info.Width}x{info.Height}; the limit is {maxPixels} pixels.");

        var bitmap = new SKBitmap(info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ImageRejectedException($"The {mediaType} image is truncated or corrupt ({result}).");
        }

        return (bitmap, mediaType);
    }

    /// <summary>
    /// Why the decoder would not even open the bytes. libpng refuses a header wider than a million pixels outright, so a
    /// PNG's own header is read here to name the real reason.
    /// </summary>
    private static ImageRejectedException Unreadable(byte[] bytes)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.Length >= 24 && bytes.AsSpan(0, 8).SequenceEqual(signature) && bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            var width = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16));
            var height = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20));
            return width is < 1 or > MaxSide || height is < 1 or > MaxSide
                ? new ImageRejectedException($"The image is {width}x{height}; each side must be 1 to {MaxSide} pixels.")
                : new ImageRejectedException("The PNG is corrupt: its header does not decode.");
        }

        return new ImageRejectedException($"The {bytes.Length} bytes are not a PNG, JPEG or WebP image.");
    }

    private static bool Matches(string declared, string actual)
    {
        var type = declared.Split(';', 2)[0].Trim();
        return type.Equals(actual, StringComparison.OrdinalIgnoreCase)
            || (actual == "image/jpeg" && type.Equals("image/jpg", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>An image from outside that <see cref="ImageIntake"/> refused; the message is meant for the sender.</summary>
#if GENAGENT_WORKER
internal
#else
public
#endif
sealed class ImageRejectedException(string message) : Exception(message);

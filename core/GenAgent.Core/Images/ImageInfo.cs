using System.Buffers.Binary;

namespace GenAgent.Core.Images;

/// <summary>Reads what a stored image is without decoding it.</summary>
public static class ImageInfo
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Width and height from a PNG's IHDR chunk; throws <see cref="FormatException"/> when the bytes are not a PNG.</summary>
    public static (int Width, int Height) PngSize(ReadOnlySpan<byte> png)
    {
        // Signature (8), IHDR length (4), "IHDR" (4), width (4, big-endian), height (4, big-endian).
        if (png.Length < 24 || !png[..8].SequenceEqual(PngSignature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
            throw new FormatException("The bytes are not a PNG image.");
        return (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }

    /// <summary>An <see cref="ImageRef"/> for PNG bytes stored under <paramref name="key"/>.</summary>
    public static ImageRef PngRef(string key, ReadOnlySpan<byte> png)
    {
        var (width, height) = PngSize(png);
        return new ImageRef(key, width, height);
    }
}

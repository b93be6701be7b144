using SkiaSharp;

namespace GenAgent.Inference.Images;

/// <summary>Encoded images to planar RGB tensors and back (SkiaSharp): pixels p in 0..255 map to p / 127.5 - 1.</summary>
public static class ImageTensors
{
    /// <summary>Decodes PNG, JPEG or WebP bytes into an RGBA bitmap the caller disposes.</summary>
    public static SKBitmap Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length == 0)
        {
            throw new InvalidImageException("The image is empty.");
        }

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidImageException("The bytes are not a PNG, JPEG or WebP image.");
        using var decoded = SKBitmap.Decode(codec)
            ?? throw new InvalidImageException($"The {codec.EncodedFormat} image cannot be decoded.");
        var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!decoded.CopyTo(rgba, SKColorType.Rgba8888))
        {
            rgba.Dispose();
            throw new InvalidImageException("The image cannot be converted to RGBA.");
        }

        return rgba;
    }

    /// <summary>The image's pixels as interleaved 8-bit RGB (alpha dropped, as Pillow's <c>convert("RGB")</c> does).</summary>
    public static (byte[] Rgb, int Width, int Height) DecodeRgb(byte[] encoded)
    {
        using var decoded = Decode(encoded);
        var pixels = decoded.GetPixelSpan();
        var plane = decoded.Width * decoded.Height;
        var rgb = new byte[plane * 3];
        for (var i = 0; i < plane; i++)
        {
            rgb[i * 3] = pixels[i * 4];
            rgb[(i * 3) + 1] = pixels[(i * 4) + 1];
            rgb[(i * 3) + 2] = pixels[(i * 4) + 2];
        }

        return (rgb, decoded.Width, decoded.Height);
    }

    /// <summary>
    /// [3, height, width] in [-1, 1] from encoded bytes, resized to the given size with Lanczos (antialiased when
    /// shrinking), as diffusers' image processor prepares an edit's input.
    /// </summary>
    public static float[] ToSignedTensor(byte[] encoded, int width, int height)
    {
        var (rgb, sourceWidth, sourceHeight) = DecodeRgb(encoded);
        var sized = Resampler.Resize(rgb, sourceWidth, sourceHeight, width, height, ResampleFilter.Lanczos);
        var plane = width * height;
        var tensor = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                tensor[(c * plane) + i] = (sized[(i * 3) + c] / 127.5f) - 1f;
            }
        }

        return tensor;
    }

    /// <summary>The byte a signed value in [-1, 1] becomes: round(clamp((v + 1) / 2, 0, 1) * 255).</summary>
    public static byte ToByte(float signed) => (byte)MathF.Round(Math.Clamp((signed + 1f) / 2f, 0f, 1f) * 255f, MidpointRounding.AwayFromZero);

    /// <summary>PNG of a [3, height, width] tensor in [-1, 1].</summary>
    public static byte[] ToPng(ReadOnlySpan<float> chw, int width, int height)
    {
        var plane = width * height;
        if (chw.Length != 3 * plane)
        {
            throw new ArgumentException($"Expected {3 * plane} values for a {width}x{height} RGB image, got {chw.Length}.", nameof(chw));
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < plane; i++)
        {
            pixels[i * 4] = ToByte(chw[i]);
            pixels[(i * 4) + 1] = ToByte(chw[plane + i]);
            pixels[(i * 4) + 2] = ToByte(chw[(2 * plane) + i]);
            pixels[(i * 4) + 3] = 255;
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

using SkiaSharp;

namespace GenAgent.GpuWorker.Api;

/// <summary>Checks that uploaded bytes are an image before they reach a pipeline or the OCR engine.</summary>
internal static class ImageInput
{
    private const string DataUrlMarker = ";base64,";

    /// <summary>Plain base64 or a <c>data:</c> URL.</summary>
    public static byte[] FromBase64(string? value, string param)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidRequestException("No image was given.", param, "missing_image");
        }

        var marker = value.IndexOf(DataUrlMarker, StringComparison.Ordinal);
        var payload = value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && marker >= 0 ? value[(marker + DataUrlMarker.Length)..] : value;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(payload);
        }
        catch (FormatException ex)
        {
            throw new InvalidRequestException("The image is not valid base64.", param, "invalid_image", ex);
        }

        Require(bytes, param);
        return bytes;
    }

    /// <summary>Returns the image's size, or throws a 400 naming <paramref name="param"/> when the bytes do not decode.</summary>
    public static (int Width, int Height) Require(byte[] bytes, string param)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes))
            ?? throw new InvalidRequestException($"The {bytes.Length} bytes given as '{param}' are not a PNG, JPEG or WebP image.", param, "invalid_image");
        using var bitmap = SKBitmap.Decode(codec)
            ?? throw new InvalidRequestException($"The image given as '{param}' does not decode.", param, "invalid_image");
        return (bitmap.Width, bitmap.Height);
    }
}

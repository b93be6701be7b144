using GenAgent.Core.Images;

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

    /// <summary>The largest input image: 4096 x 4096, well past what any pipeline here takes, far below a decompression bomb.</summary>
    public const long MaxPixels = 4096L * 4096L;

    /// <summary>
    /// Returns the image's size, or throws a 400 naming <paramref name="param"/> when the bytes are not a whole PNG, JPEG
    /// or WebP image within <see cref="MaxPixels"/> (checked from the header, before any pixel buffer exists).
    /// </summary>
    public static (int Width, int Height) Require(byte[] bytes, string param)
    {
        try
        {
            var (bitmap, _) = ImageIntake.Decode(bytes, MaxPixels);
            using (bitmap) return (bitmap.Width, bitmap.Height);
        }
        catch (ImageRejectedException rejected)
        {
            throw new InvalidRequestException($"'{param}': {rejected.Message}", param, "invalid_image");
        }
    }
}

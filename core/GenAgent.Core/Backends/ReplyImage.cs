using GenAgent.Core.Tools;
using SkiaSharp;

namespace GenAgent.Core.Backends;

/// <summary>Turns the image a tool server sent into a checked PNG, or says exactly what was wrong with it.</summary>
internal static class ReplyImage
{
    private const string DataUrlMarker = ";base64,";

    public static GeneratedImage FromBase64(string? base64, decimal? cost, string source)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new PermanentToolException($"{source} replied without image data.");
        }

        // Some servers send a data: URL where the API says plain base64.
        var marker = base64.IndexOf(DataUrlMarker, StringComparison.Ordinal);
        var payload = base64.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && marker >= 0
            ? base64[(marker + DataUrlMarker.Length)..]
            : base64;

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(payload);
        }
        catch (FormatException ex)
        {
            throw new PermanentToolException($"{source} replied with image data that is not valid base64.", ex);
        }

        return FromBytes(bytes, cost, source);
    }

    public static GeneratedImage FromBytes(byte[] bytes, decimal? cost, string source)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes))
            ?? throw new PermanentToolException($"{source} replied with {bytes.Length} bytes that are not an image SkiaSharp can decode.");

        var info = codec.Info;
        if (info.Width < ImageLimits.MinSide || info.Height < ImageLimits.MinSide
            || info.Width > ImageLimits.MaxSide || info.Height > ImageLimits.MaxSide)
        {
            throw new PermanentToolException(
                $"{source} replied with a {info.Width}x{info.Height} image; sides must be {ImageLimits.MinSide} to {ImageLimits.MaxSide} pixels.");
        }

        // Decode every pixel even for PNG: a truncated file has a valid header and would fail later, far from here.
        using var bitmap = new SKBitmap(info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new PermanentToolException($"{source} replied with a {codec.EncodedFormat} image that does not decode ({result}).");
        }

        if (codec.EncodedFormat == SKEncodedImageFormat.Png)
        {
            return new GeneratedImage(bytes, info.Width, info.Height, cost);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new PermanentToolException($"{source} replied with a {codec.EncodedFormat} image that could not be re-encoded as PNG.");
        return new GeneratedImage(data.ToArray(), info.Width, info.Height, cost);
    }
}

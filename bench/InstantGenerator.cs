using GenAgent.Core.Tools;
using SkiaSharp;

namespace GenAgent.Bench;

/// <summary>A generator that returns one small pre-encoded PNG at once, so only the loop's overhead is measured.</summary>
internal sealed class InstantGenerator : IImageGenerator
{
    private static readonly byte[] Png = Encode();

    public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedImage(Png, 64, 64));

    private static byte[] Encode()
    {
        using var bitmap = new SKBitmap(64, 64);
        bitmap.Erase(SKColors.IndianRed);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

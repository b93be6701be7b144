using GenAgent.Core.Images;
using GenAgent.Workflow;
using SkiaSharp;

namespace GenAgent.Cli.Output;

/// <summary>The <c>--image</c> file, normalized to PNG (what every tool and the protocol expect) and put in the store.</summary>
internal static class InputImage
{
    public static async Task<ImageRef> StoreAsync(FileInfo file, string sessionId, IImageStore store, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        using var bitmap = SKBitmap.Decode(bytes)
            ?? throw new CliException($"--image '{file.FullName}' is not an image this tool can read (use PNG, JPEG or WebP).");
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var key = $"{SessionKeys.Folder(sessionId)}/input.png";
        await store.PutAsync(key, data.ToArray(), "image/png", cancellationToken);
        return new ImageRef(key, bitmap.Width, bitmap.Height);
    }
}

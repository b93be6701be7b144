using System.Diagnostics;
using GenAgent.Core.Images;
using GenAgent.Core.Tools;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>The idempotent part shared by generation and editing: look in the store first, call the tool only when nothing is there.</summary>
internal static class ImageToolRun
{
    public static async Task<ImageToolResult> RunAsync(IImageStore store, ILogger logger, string tool, ImageToolInput input, Func<Task<GeneratedImage>> call)
    {
        var key = SessionKeys.TurnImage(input.SessionId, input.Turn);
        var existing = await store.TryGetAsync(key).ConfigureAwait(false);
        if (existing is not null)
        {
            logger.ReusedImage(input.SessionId, input.Turn, tool, key);
            return new ImageToolResult(ImageInfo.PngRef(key, existing), 0, null, Reused: true);
        }

        var stopwatch = Stopwatch.StartNew();
        var image = await call().ConfigureAwait(false);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        if (image.Png.Length == 0)
            throw new PermanentToolException($"{tool} returned an empty image.");
        await store.PutAsync(key, image.Png, "image/png").ConfigureAwait(false);
        logger.ImageStored(input.SessionId, input.Turn, tool, key, seconds);
        return new ImageToolResult(new ImageRef(key, image.Width, image.Height), seconds, image.Cost, Reused: false);
    }
}

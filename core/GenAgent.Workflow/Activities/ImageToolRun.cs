using System.Diagnostics;
using GenAgent.Core.Images;
using GenAgent.Core.Telemetry;
using GenAgent.Core.Tools;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>The idempotent part shared by generation and editing: look in the store first, call the tool only when nothing is there.</summary>
internal static class ImageToolRun
{
    public static async Task<ImageToolResult> RunAsync(IImageStore store, ILogger logger, string tool, ImageToolInput input, Func<Task<GeneratedImage>> call)
    {
        using var scope = SessionLogScope.Begin(logger, input.SessionId);
        var key = SessionKeys.TurnImage(input.SessionId, input.Turn);
        var existing = await store.TryGetAsync(key).ConfigureAwait(false);
        if (existing is not null)
        {
            GenAgentTelemetry.ToolCalls.Add(1, new("tool", tool), new("result", "cached"));
            logger.ReusedImage(input.SessionId, input.Turn, tool, key);
            return new ImageToolResult(ImageInfo.PngRef(key, existing), 0, null, Reused: true);
        }

        using var span = GenAgentTelemetry.StartSessionActivity(tool, input.SessionId);
        span?.SetTag("genagent.turn", input.Turn);
        var stopwatch = Stopwatch.StartNew();
        GeneratedImage image;
        try
        {
            image = await call().ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is TransientToolException or PermanentToolException)
        {
            GenAgentTelemetry.ToolCalls.Add(1, new("tool", tool), new("result", failure is TransientToolException ? "transient" : "permanent"));
            span?.SetStatus(ActivityStatusCode.Error, failure.Message);
            throw;
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        GenAgentTelemetry.ToolCalls.Add(1, new("tool", tool), new("result", "ok"));
        GenAgentTelemetry.ToolSeconds.Record(seconds, new KeyValuePair<string, object?>("tool", tool));
        if (image.Png.Length == 0)
            throw new PermanentToolException($"{tool} returned an empty image.");
        await store.PutAsync(key, image.Png, "image/png").ConfigureAwait(false);
        logger.ImageStored(input.SessionId, input.Turn, tool, key, seconds);
        return new ImageToolResult(new ImageRef(key, image.Width, image.Height), seconds, image.Cost, Reused: false);
    }
}

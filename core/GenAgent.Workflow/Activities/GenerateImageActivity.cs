using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Tools;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>Calls the generation tool once per session turn; a re-run finds the stored image and does not pay again.</summary>
public sealed class GenerateImageActivity(IImageGenerator generator, IImageStore store, ILogger<GenerateImageActivity> logger)
    : TaskActivity<ImageToolInput, ImageToolResult>
{
    public override Task<ImageToolResult> RunAsync(TaskActivityContext context, ImageToolInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ImageToolRun.RunAsync(store, logger, ToolNames.Generate, input, () =>
            generator.GenerateAsync(new GenerationRequest(input.Argument, input.Width, input.Height, input.Seed, input.IdempotencyKey, input.NegativePrompt)));
    }
}

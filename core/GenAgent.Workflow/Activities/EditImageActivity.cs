using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Tools;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>Calls the editing tool on the source image once per session turn; a re-run finds the stored image and does not pay again.</summary>
public sealed class EditImageActivity(IImageEditor editor, IImageStore store, ILogger<EditImageActivity> logger)
    : TaskActivity<ImageToolInput, ImageToolResult>
{
    public override Task<ImageToolResult> RunAsync(TaskActivityContext context, ImageToolInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var source = input.Source ?? throw new PermanentToolException("An edit needs a source image.");
        return ImageToolRun.RunAsync(store, logger, ToolNames.Edit, input, async () =>
        {
            var png = await store.TryGetAsync(source.Key).ConfigureAwait(false)
                ?? throw new PermanentToolException($"The image to edit ({source.Key}) is not in the store.");
            return await editor.EditAsync(new EditRequest(input.Argument, png, input.Width, input.Height, input.Seed, input.IdempotencyKey, input.NegativePrompt)).ConfigureAwait(false);
        });
    }
}

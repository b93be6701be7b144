using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.ComfyUI;

/// <summary>
/// Editing on ComfyUI: the source image goes up through <c>/upload/image</c> and into the workflow's LoadImage node (or
/// its <c>{{image}}</c> placeholder), the instruction is the prompt; the user's workflow (<c>GenAgent:Editor:Workflow</c>,
/// an instruction-editing model's graph, say) or the built-in image-to-image graph at
/// <see cref="ToolOptions.DenoisingStrength"/> (default 0.6).
/// </summary>
public sealed class ComfyEditor : IImageEditor
{
    private const double DefaultDenoise = 0.6;

    private readonly ComfyClient client;
    private readonly ComfyWorkflow workflow;
    private readonly ToolOptions options;

    public ComfyEditor(HttpClient httpClient, ToolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        client = new ComfyClient(httpClient, options, "Editor");
        workflow = ComfyWorkflow.For(options, "Editor", DefaultWorkflows.ImageToImage, "image-to-image");
    }

    public async Task<GeneratedImage> EditAsync(EditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uploaded = await client.UploadAsync(request.SourcePng, cancellationToken).ConfigureAwait(false);
        var inputs = new ComfyInputs(
            request.Instruction, request.NegativePrompt ?? options.NegativePrompt, ComfyClient.SeedOf(request.Seed), request.Width, request.Height, options.Steps,
            uploaded, options.DenoisingStrength ?? DefaultDenoise);
        return await client.RunAsync(workflow.Fill(inputs), cancellationToken).ConfigureAwait(false);
    }
}

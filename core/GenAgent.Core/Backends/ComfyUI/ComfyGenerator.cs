using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.ComfyUI;

/// <summary>
/// Text to image on ComfyUI: the user's API-format workflow (<c>GenAgent:Generator:Workflow</c>), or the built-in
/// checkpoint graph on <c>GenAgent:Generator:Model</c>, filled with the caption, seed, size, steps and negative prompt
/// (<see cref="ComfyWorkflow"/>). The seed is honoured.
/// </summary>
public sealed class ComfyGenerator : IImageGenerator
{
    private readonly ComfyClient client;
    private readonly ComfyWorkflow workflow;
    private readonly ToolOptions options;

    public ComfyGenerator(HttpClient httpClient, ToolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        client = new ComfyClient(httpClient, options, "Generator");
        workflow = ComfyWorkflow.For(options, "Generator", DefaultWorkflows.TextToImage, "text-to-image");
    }

    public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ComfyInputs(request.Caption, request.NegativePrompt ?? options.NegativePrompt, ComfyClient.SeedOf(request.Seed), request.Width, request.Height, options.Steps);
        return client.RunAsync(workflow.Fill(inputs), cancellationToken);
    }
}

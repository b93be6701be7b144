using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.GenAgentServer;

/// <summary>The paper's reference generator servers (FLUX.1-dev with a turbo LoRA, Qwen-Image).</summary>
public sealed class GenAgentServerGenerator(HttpClient httpClient, ToolOptions options) : IImageGenerator
{
    private readonly GenAgentServerClient client = new(httpClient, options, "Generator");

    /// <remarks>
    /// Sends the reference client's body, <c>{"prompt": [...], "height": H, "width": W}</c>: each server's own sampler
    /// defaults apply (the Qwen-Image server's 50 steps with true CFG degrade when forced to 8), and steps or guidance
    /// go out only when the user configured them. The servers take no seed and render with a fixed one, so none is sent.
    /// </remarks>
    public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new ServerGenerateRequest([request.Caption], request.Height, request.Width, client.Options.Steps, client.Options.Guidance);
        return client.PostAsync(body, GenAgentServerJsonContext.Default.ServerGenerateRequest, cancellationToken);
    }
}

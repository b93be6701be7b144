using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.GenAgentServer;

/// <summary>The paper's reference generator server (FLUX.1-dev with a turbo LoRA).</summary>
public sealed class GenAgentServerGenerator(HttpClient httpClient, ToolOptions options) : IImageGenerator
{
    /// <summary>The reference client's sampler settings for the 8-step turbo LoRA.</summary>
    public const int DefaultSteps = 8;
    public const double DefaultGuidance = 3.5;

    private readonly GenAgentServerClient client = new(httpClient, options, "Generator");

    /// <remarks>
    /// The reference server has no seed field and renders with a fixed seed, so a retried caption repeats its image;
    /// we keep the published body rather than send a field a strict server might reject.
    /// </remarks>
    public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new ServerGenerateRequest(
            [request.Caption],
            request.Height,
            request.Width,
            client.Options.Steps ?? DefaultSteps,
            client.Options.Guidance ?? DefaultGuidance);
        return client.PostAsync(body, GenAgentServerJsonContext.Default.ServerGenerateRequest, cancellationToken);
    }
}

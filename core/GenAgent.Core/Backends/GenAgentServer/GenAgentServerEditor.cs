using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.GenAgentServer;

/// <summary>The paper's reference editor server (Qwen-Image-Edit), asked for the source image's size; it takes no seed.</summary>
public sealed class GenAgentServerEditor(HttpClient httpClient, ToolOptions options) : IImageEditor
{
    private readonly GenAgentServerClient client = new(httpClient, options, "Editor");

    public Task<GeneratedImage> EditAsync(EditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new ServerEditRequest([request.Instruction], [Convert.ToBase64String(request.SourcePng)], request.Height, request.Width);
        return client.PostAsync(body, GenAgentServerJsonContext.Default.ServerEditRequest, cancellationToken);
    }
}

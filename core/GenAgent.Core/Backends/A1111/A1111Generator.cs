using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.A1111;

/// <summary>Text to image on AUTOMATIC1111 / Forge (<c>/sdapi/v1/txt2img</c>); the seed is honoured, so a replayed call draws the same image.</summary>
public sealed class A1111Generator(HttpClient httpClient, ToolOptions options) : IImageGenerator
{
    private readonly A1111Client client = new(httpClient, options, "Generator");

    public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new Txt2ImgRequest(
            request.Caption, A1111Client.SeedOf(request.Seed), request.Width, request.Height, options.Steps, options.Guidance, request.NegativePrompt ?? options.NegativePrompt);
        return client.PostAsync("sdapi/v1/txt2img", body, A1111JsonContext.Default.Txt2ImgRequest, cancellationToken);
    }
}

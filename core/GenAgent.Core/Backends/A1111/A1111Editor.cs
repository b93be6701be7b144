using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.A1111;

/// <summary>
/// Editing as image to image on AUTOMATIC1111 / Forge (<c>/sdapi/v1/img2img</c>): the instruction is the prompt, the
/// source image the init image, and <see cref="ToolOptions.DenoisingStrength"/> (default
/// <see cref="DefaultDenoisingStrength"/>) how far the result may move from it.
/// </summary>
public sealed class A1111Editor(HttpClient httpClient, ToolOptions options) : IImageEditor
{
    /// <summary>Keeps the composition while letting the instruction change colours and details; the WebUI's own default is 0.75.</summary>
    public const double DefaultDenoisingStrength = 0.6;

    private readonly A1111Client client = new(httpClient, options, "Editor");

    public Task<GeneratedImage> EditAsync(EditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new Img2ImgRequest(
            request.Instruction, [Convert.ToBase64String(request.SourcePng)], options.DenoisingStrength ?? DefaultDenoisingStrength,
            A1111Client.SeedOf(request.Seed), request.Width, request.Height, options.Steps, options.Guidance, request.NegativePrompt ?? options.NegativePrompt);
        return client.PostAsync("sdapi/v1/img2img", body, A1111JsonContext.Default.Img2ImgRequest, cancellationToken);
    }
}

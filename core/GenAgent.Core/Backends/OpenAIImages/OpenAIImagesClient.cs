using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.OpenAIImages;

/// <summary>
/// The OpenAI Images API (<c>/images/generations</c>, <c>/images/edits</c>) as a generation and editing tool; also
/// Azure OpenAI's v1 endpoint and self-hosted servers that copy the API.
/// </summary>
public sealed class OpenAIImagesClient : IImageGenerator, IImageEditor
{
    private const string B64Json = "b64_json";

    private readonly HttpClient httpClient;
    private readonly ToolOptions options;
    private readonly string section;
    private readonly Uri baseUri;
    private readonly string source;

    /// <param name="httpClient">A client from IHttpClientFactory with the resilience handler.</param>
    /// <param name="options">The tool's options; BaseUrl is required.</param>
    /// <param name="section">Generator or Editor: names the configuration keys in error messages.</param>
    public OpenAIImagesClient(HttpClient httpClient, ToolOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        this.httpClient = httpClient;
        this.options = options;
        this.section = section;
        baseUri = BackendUri.Require(options.BaseUrl, section, BackendNames.OpenAIImages);
        source = $"the image API at {baseUri.Authority}";
    }

    public async Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new ImagesGenerationRequest(
            options.Model, request.Caption, 1, Size(request.Width, request.Height), ResponseFormat(), options.Quality, Seed(request.Seed));
        using var message = new HttpRequestMessage(HttpMethod.Post, BackendUri.Append(baseUri, "images/generations"))
        {
            Content = JsonContent.Create(body, OpenAIImagesJsonContext.Default.ImagesGenerationRequest),
        };
        AddIdempotencyKey(message, request.IdempotencyKey);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GeneratedImage> EditAsync(EditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(request.SourcePng);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "image", "image.png");
        form.Add(new StringContent(request.Instruction), "prompt");
        form.Add(new StringContent("1"), "n");
        form.Add(new StringContent(Size(request.Width, request.Height)), "size");
        AddIfSet(form, "model", options.Model);
        AddIfSet(form, "response_format", ResponseFormat());
        AddIfSet(form, "quality", options.Quality);
        AddIfSet(form, "seed", Seed(request.Seed)?.ToString(CultureInfo.InvariantCulture));

        using var message = new HttpRequestMessage(HttpMethod.Post, BackendUri.Append(baseUri, "images/edits")) { Content = form };
        AddIdempotencyKey(message, request.IdempotencyKey);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Our worker runs a repeated key once, so a session resumed after a crash mid-call pays no second GPU run; servers
    /// that do not know the header ignore it (and may bill a call in flight at a crash twice).
    /// </summary>
    private static void AddIdempotencyKey(HttpRequestMessage message, string? key)
    {
        if (key is not null) message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
    }

    private async Task<GeneratedImage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var (reply, body) = await BackendExchange.SendAsync(
            httpClient, message, baseUri, options.ApiKey, source, section, OpenAIImagesJsonContext.Default.ImagesResponse, "an images response", cancellationToken)
            .ConfigureAwait(false);
        var first = reply.Data is [var datum, ..] ? datum : null;
        if (first is null)
        {
            throw new PermanentToolException($"{source} replied without data[0]: {BackendFailures.Excerpt(body)}");
        }

        if (first.B64Json is null && first.Url is not null)
        {
            throw new PermanentToolException($"{source} replied with a URL instead of b64_json; the server ignored response_format.");
        }

        return ReplyImage.FromBase64(first.B64Json, options.CostPerImage, source);
    }

    private static string Size(int width, int height) => string.Create(CultureInfo.InvariantCulture, $"{width}x{height}");

    /// <summary>gpt-image models always answer in base64 and reject the field; older models default to URLs without it.</summary>
    private string? ResponseFormat() =>
        options.Model?.StartsWith("gpt-image", StringComparison.OrdinalIgnoreCase) == true ? null : B64Json;

    /// <summary>
    /// The OpenAI API has no seed and rejects unknown fields, so only self-hosted servers (our gpu-worker takes one)
    /// receive it.
    /// </summary>
    private long? Seed(long seed) => BackendAuth.IsHostedOpenAI(baseUri) ? null : seed;

    private static void AddIfSet(MultipartFormDataContent form, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            form.Add(new StringContent(value), name);
        }
    }
}

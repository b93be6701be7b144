using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.GenAgentServer;

/// <summary>The one call both reference servers share: <c>POST {BaseUrl}/generate/</c> and a checked image back.</summary>
internal sealed class GenAgentServerClient
{
    private const string Success = "success";

    private readonly HttpClient httpClient;
    private readonly ToolOptions options;
    private readonly string section;
    private readonly Uri endpoint;
    private readonly Uri baseUri;

    public GenAgentServerClient(HttpClient httpClient, ToolOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        this.httpClient = httpClient;
        this.options = options;
        this.section = section;
        baseUri = BackendUri.Require(options.BaseUrl, section, BackendNames.GenAgentServer);
        endpoint = BackendUri.Append(baseUri, "generate/");
        Source = $"the {section.ToLowerInvariant()} server at {baseUri.Authority}";
    }

    public string Source { get; }

    public ToolOptions Options => options;

    public async Task<GeneratedImage> PostAsync<TRequest>(TRequest body, JsonTypeInfo<TRequest> typeInfo, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(body, typeInfo) };
        var (reply, text) = await BackendExchange.SendAsync(
            httpClient, message, baseUri, options.ApiKey, Source, section, GenAgentServerJsonContext.Default.ServerReply, "a generate reply", cancellationToken)
            .ConfigureAwait(false);
        if (!string.Equals(reply.Status, Success, StringComparison.OrdinalIgnoreCase))
        {
            throw new PermanentToolException(
                $"{Source} reported status '{reply.Status ?? "(missing)"}': {reply.Message ?? reply.Error ?? BackendFailures.Excerpt(text)}");
        }

        if (reply.Images is not [var first, ..])
        {
            throw new PermanentToolException($"{Source} reported success without images: {BackendFailures.Excerpt(text)}");
        }

        return ReplyImage.FromBase64(first, options.CostPerImage, Source);
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.A1111;

/// <summary>
/// One call to an AUTOMATIC1111 / Forge WebUI started with <c>--api</c>: <c>POST {BaseUrl}/sdapi/v1/{txt2img|img2img}</c>
/// and the first image back. A server started with <c>--api-auth user:password</c> takes HTTP basic authentication,
/// which <see cref="ToolOptions.ApiKey"/> holds in that same <c>user:password</c> form.
/// </summary>
internal sealed class A1111Client
{
    private readonly HttpClient httpClient;
    private readonly string section;
    private readonly Uri baseUri;
    private readonly AuthenticationHeaderValue? authorization;

    public A1111Client(HttpClient httpClient, ToolOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        this.httpClient = httpClient;
        this.section = section;
        Options = options;
        baseUri = BackendUri.Require(options.BaseUrl, section, BackendNames.A1111);
        authorization = string.IsNullOrEmpty(options.ApiKey) ? null : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey)));
        Source = $"the {section.ToLowerInvariant()} WebUI at {baseUri.Authority}";
    }

    public string Source { get; }

    public ToolOptions Options { get; }

    /// <summary>The seed as the WebUI takes it: 0 to 2^32 - 1 (-1 would mean random, which a recorded seed must never be).</summary>
    public static long SeedOf(long seed) => (long)((ulong)seed % 4_294_967_296UL);

    public async Task<GeneratedImage> PostAsync<TRequest>(string route, TRequest body, JsonTypeInfo<TRequest> typeInfo, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, BackendUri.Append(baseUri, route)) { Content = JsonContent.Create(body, typeInfo) };
        message.Headers.Authorization = authorization;
        // The key travels as basic authentication above, never as a bearer token.
        var (reply, text) = await BackendExchange.SendAsync(
            httpClient, message, baseUri, apiKey: null, Source, section, A1111JsonContext.Default.A1111Reply, "a WebUI image reply", cancellationToken)
            .ConfigureAwait(false);
        if (reply.Images is not [var first, ..])
            throw new PermanentToolException($"{Source} answered without images: {BackendFailures.Excerpt(text)}");
        return ReplyImage.FromBase64(first, Options.CostPerImage, Source);
    }
}

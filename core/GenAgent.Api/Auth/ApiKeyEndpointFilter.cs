using System.Security.Cryptography;
using System.Text;
using GenAgent.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GenAgent.Api.Auth;

/// <summary>
/// Requires <see cref="ApiOptions.ApiKey"/> (when set) in <c>x-api-key</c> or <c>Authorization: Bearer</c>.
/// Report pages and images also open with a link signed by <see cref="LinkSigner"/>, since a browser sends no headers
/// for them. On Azure, function keys or Entra ID (App Service authentication) sit in front instead.
/// </summary>
internal sealed class ApiKeyEndpointFilter(ApiOptions options) : IEndpointFilter
{
    public const string HeaderName = "x-api-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (string.IsNullOrEmpty(options.ApiKey) || Admits(request, options.ApiKey)) return await next(context);
        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Unauthorized();
    }

    /// <summary>Whether the request carries <paramref name="apiKey"/> in a header or is a GET of a link signed with it.</summary>
    public static bool Admits(HttpRequest request, string apiKey) => Matches(Presented(request), apiKey) || SignedLink(request, apiKey);

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key) && key.Count == 1) return key[0];
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
    }

    /// <summary>A signed link opens only the GET it was made for; see <see cref="LinkSigner"/>.</summary>
    private static bool SignedLink(HttpRequest request, string apiKey) =>
        HttpMethods.IsGet(request.Method)
        && request.Query.TryGetValue(LinkSigner.QueryName, out var signature) && signature.Count == 1
        && LinkSigner.Verify(apiKey, request.Path.Value ?? string.Empty, signature[0]!);

    /// <summary>Compares hashes in constant time, so neither the content nor the length of the key leaks through timing.</summary>
    private static bool Matches(string? presented, string expected) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

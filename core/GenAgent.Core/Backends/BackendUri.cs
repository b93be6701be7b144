namespace GenAgent.Core.Backends;

internal static class BackendUri
{
    public static Uri Require(string? baseUrl, string section, string backend)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new InvalidOperationException($"GenAgent:{section}:BaseUrl is required for the {backend} backend.");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"GenAgent:{section}:BaseUrl '{baseUrl}' is not an absolute http(s) URL.");
        }

        return uri;
    }

    /// <summary>Appends a relative path, keeping the base's own path (<c>/v1</c>) whether or not it ends in a slash.</summary>
    public static Uri Append(Uri baseUri, string relative) =>
        new(baseUri.AbsoluteUri.TrimEnd('/') + "/" + relative);
}

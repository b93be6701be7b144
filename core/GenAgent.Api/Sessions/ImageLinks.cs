using GenAgent.Api.Auth;
using GenAgent.Core.Images;
using GenAgent.Workflow;
using Microsoft.AspNetCore.Http;

namespace GenAgent.Api.Sessions;

/// <summary>
/// Where a client downloads a session's image: the store's own http(s) URL when it has one (a read-only SAS on Blob),
/// else this API's image endpoint. A local file URI would mean nothing to a remote client. With an API key the
/// page and image links are signed, so a browser can open them.
/// </summary>
internal sealed class ImageLinks(HttpRequest request, IImageStore store, string sessionId, string? apiKey)
{
    private readonly string _baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
    private readonly string _folder = SessionKeys.Folder(sessionId) + "/";

    public string SessionUrl => $"{_baseUrl}/api/sessions/{sessionId}";

    public string TrajectoryUrl => $"{SessionUrl}/trajectory";

    public string ReportUrl => Signed($"/sessions/{sessionId}");

    /// <summary>The URL of <paramref name="image"/>, or null when it is outside the session (the image endpoint would refuse it).</summary>
    public string? For(ImageRef image)
    {
        if (store.GetUrl(image.Key) is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            return url.AbsoluteUri;
        return image.Key.StartsWith(_folder, StringComparison.Ordinal) ? Signed($"/api/sessions/{sessionId}/images/{image.Key[_folder.Length..]}") : null;
    }

    private string Signed(string path) =>
        string.IsNullOrEmpty(apiKey) ? _baseUrl + path : $"{_baseUrl}{path}?{LinkSigner.QueryName}={LinkSigner.Sign(apiKey, path)}";
}

using GenAgent.Api;
using GenAgent.Api.Auth;
using GenAgent.Discord.Sessions.Hosting;

namespace GenAgent.Discord.Sessions.Components;

/// <summary>
/// The report page of a session at the API's public address (<c>Discord:PublicBaseUrl</c>), signed like the API's own
/// links when an API key guards it, so a click in Discord opens it without headers.
/// </summary>
public sealed class ReportLinks(DiscordSessionsOptions options, ApiOptions api)
{
    /// <summary>The page's URL, or null when no public base URL is configured.</summary>
    public string? For(string sessionId)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl)) return null;
        var path = $"/sessions/{sessionId}";
        var url = options.PublicBaseUrl.TrimEnd('/') + path;
        return string.IsNullOrEmpty(api.ApiKey) ? url : $"{url}?{LinkSigner.QueryName}={LinkSigner.Sign(api.ApiKey, path)}";
    }
}

namespace GenAgent.Discord.Rest;

/// <summary>Downloading the files users attach.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>
    /// Downloads an attachment from Discord's CDN (or the API host), refusing other hosts and anything over
    /// <paramref name="maxBytes"/>. No Authorization header: CDN URLs are signed.
    /// </summary>
    public async Task<byte[]> DownloadAttachmentAsync(string url, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new AttachmentDownloadException($"'{url}' is not an http(s) URL.");
        }

        var apiHost = new Uri(options.ApiBaseUrl).Host;
        var allowed = string.Equals(uri.Host, apiHost, StringComparison.OrdinalIgnoreCase)
            || (uri.Scheme == Uri.UriSchemeHttps && options.AttachmentHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase));
        if (!allowed)
        {
            throw new AttachmentDownloadException($"Attachments are only downloaded from {string.Join(", ", options.AttachmentHosts)} over https; not from {uri.Host}.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new AttachmentDownloadException($"Downloading the attachment failed with {(int)response.StatusCode}; its signed URL may have expired.");
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new AttachmentDownloadException($"The attachment has {response.Content.Headers.ContentLength} bytes; at most {maxBytes} are accepted.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // A missing or lying Content-Length must not let a huge body through.
            return await BoundedRead.ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false)
                ?? throw new AttachmentDownloadException($"The attachment is larger than the {maxBytes} bytes accepted.");
        }
    }
}

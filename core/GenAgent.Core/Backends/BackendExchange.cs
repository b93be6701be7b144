using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends;

/// <summary>One authorized HTTP exchange with an image server whose reply is JSON, failures classified on the way.</summary>
internal static class BackendExchange
{
    /// <summary>
    /// Sends <paramref name="message"/> and parses the reply as <typeparamref name="T"/>. Transport and status failures
    /// become transient or permanent tool exceptions; a reply that is not <paramref name="replyName"/> is permanent.
    /// Returns the parsed reply and its text (for excerpts in later checks).
    /// </summary>
    public static async Task<(T Reply, string Body)> SendAsync<T>(
        HttpClient httpClient, HttpRequestMessage message, Uri baseUri, string? apiKey, string source, string section,
        JsonTypeInfo<T> replyType, string replyName, CancellationToken cancellationToken)
        where T : class
    {
        BackendAuth.Apply(message, baseUri, apiKey);
        string body;
        int status;
        try
        {
            using var response = await httpClient.SendAsync(message, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (BackendFailures.FromTransport(ex, source, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        if (status is < 200 or > 299)
        {
            throw BackendFailures.FromStatus(status, body, source, section);
        }

        T? reply;
        try
        {
            reply = JsonSerializer.Deserialize(body, replyType);
        }
        catch (JsonException ex)
        {
            throw new PermanentToolException($"{source} replied with something that is not {replyName}: {BackendFailures.Excerpt(body)}", ex);
        }

        return (reply ?? throw new PermanentToolException($"{source} replied with JSON null."), body);
    }
}

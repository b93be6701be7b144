using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GenAgent.Core.Security;
using GenAgent.Core.Tools;
using Polly.Timeout;

namespace GenAgent.Core.Backends;

/// <summary>
/// One place that decides which failures a retry may fix (<see cref="TransientToolException"/>) and which it will not
/// (<see cref="PermanentToolException"/>), so the agent and every tool adapter classify alike.
/// </summary>
internal static class BackendFailures
{
    private const int MaxExcerptLength = 300;

    public static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500;

    /// <param name="status">The HTTP status the backend answered with.</param>
    /// <param name="body">The reply body, used for the server's own error message.</param>
    /// <param name="source">Who answered, e.g. "the agent endpoint at localhost:8000".</param>
    /// <param name="section">The configuration section of the backend: Agent, Generator or Editor.</param>
    public static Exception FromStatus(int status, string? body, string source, string section)
    {
        var message = ServerMessage(body);
        if (IsTransientStatus(status))
        {
            return new TransientToolException($"{source} answered HTTP {status}: {message}");
        }

        if (status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden)
        {
            return new PermanentToolException(
                $"{source} rejected the API key (HTTP {status}: {message}): set GenAgent__{section}__ApiKey (configuration key GenAgent:{section}:ApiKey).");
        }

        return new PermanentToolException($"{source} refused the request with HTTP {status}: {message}");
    }

    /// <summary>
    /// Maps a failure below HTTP (refused or reset connection, timeout) to a transient error; returns null for anything
    /// else, including the caller's own cancellation, which must surface unchanged.
    /// </summary>
    public static TransientToolException? FromTransport(Exception exception, string source, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return exception switch
        {
            TimeoutRejectedException => new TransientToolException($"{source} did not answer in time.", exception),
            OperationCanceledException => new TransientToolException($"{source} did not answer in time.", exception),
            HttpRequestException http => new TransientToolException($"{source} could not be reached: {SecretRedactor.Redact(Describe(http))}", exception),
            IOException or SocketException => new TransientToolException($"{source} dropped the connection: {SecretRedactor.Redact(exception.Message)}", exception),
            _ => null,
        };
    }

    /// <summary>
    /// The server's own error text: OpenAI's <c>error.message</c>, FastAPI's <c>detail</c>, or a short excerpt; secrets it
    /// echoes are masked (this text ends up in logs, trajectories and pages).
    /// </summary>
    public static string ServerMessage(string? body) => SecretRedactor.Redact(FindServerMessage(body));

    private static string FindServerMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty body)";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && FindMessage(document.RootElement) is { } found)
            {
                return found;
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, for instance): the excerpt below says more than a parse error.
        }

        return Excerpt(body);
    }

    /// <summary>A one-line excerpt of what a server said, secrets masked.</summary>
    public static string Excerpt(string text)
    {
        var flat = SecretRedactor.Redact(string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim());
        return flat.Length <= MaxExcerptLength ? flat : string.Concat(flat.AsSpan(0, MaxExcerptLength), "...");
    }

    private static string? FindMessage(JsonElement root)
    {
        foreach (var name in (string[])["error", "message", "detail"])
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Object when value.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String:
                    return inner.GetString();
                case JsonValueKind.Object or JsonValueKind.Array:
                    return Excerpt(value.GetRawText());
                default:
                    break;
            }
        }

        return null;
    }

    private static string Describe(HttpRequestException exception) =>
        exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;
}

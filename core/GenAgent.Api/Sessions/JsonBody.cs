using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace GenAgent.Api.Sessions;

/// <summary>
/// Reads a request body with the wire context, turning malformed JSON, wrong types and unknown fields into
/// an <see cref="InvalidInputException"/> that names the field (model binding would answer a bare 400).
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
            throw new InvalidInputException("body", "Send a JSON body with Content-Type: application/json.");
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidInputException("body", "The body is null; send a JSON object.");
        }
        catch (JsonException malformed)
        {
            throw new InvalidInputException(FieldOf(malformed.Path), Describe(malformed));
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new InvalidInputException("body", "The body is larger than this server accepts; send a smaller image.") { TooLarge = true };
        }
    }

    /// <summary><c>$.options.maxImages</c> becomes <c>options.maxImages</c>; the root is the body itself.</summary>
    internal static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string Describe(JsonException malformed) =>
        malformed.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "Unknown field; check its spelling against the API reference."
            : malformed.Path is null or "$" ? "The body is not valid JSON." : "The value has the wrong type or is malformed.";
}

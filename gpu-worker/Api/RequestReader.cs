using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace GenAgent.GpuWorker.Api;

/// <summary>Reads request bodies so that malformed ones become 400s with OpenAI's error body, not the framework's empty 400.</summary>
internal static class RequestReader
{
    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw new InvalidRequestException(
                $"Expected Content-Type application/json, got '{request.ContentType ?? "none"}'.", null, "invalid_content_type");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, typeInfo, request.HttpContext.RequestAborted).ConfigureAwait(false)
                ?? throw new InvalidRequestException("The request body is JSON null; expected an object.", null, "invalid_json");
        }
        catch (JsonException ex)
        {
            throw new InvalidRequestException($"The request body is not valid JSON for this endpoint: {ex.Message}", ex.Path, "invalid_json", ex);
        }
    }

    public const int MaxPromptLength = 8_000;

    /// <summary>The request's <c>Idempotency-Key</c>, if it sent one (see <see cref="IdempotentJobs"/>).</summary>
    public static string? IdempotencyKey(HttpRequest request) =>
        request.Headers.TryGetValue(IdempotentJobs.Header, out var values) && values.Count > 0 ? values[0] : null;

    public static string RequirePrompt(string? prompt, string param = "prompt")
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new InvalidRequestException("The prompt is empty.", param, "empty_prompt");
        }

        // Text encoders read 77 to 512 tokens; a prompt far past that is a mistake or an attack on memory.
        if (prompt.Length > MaxPromptLength)
        {
            throw new InvalidRequestException($"The prompt is {prompt.Length} characters; the limit is {MaxPromptLength}.", param, "prompt_too_long");
        }

        return prompt;
    }
}

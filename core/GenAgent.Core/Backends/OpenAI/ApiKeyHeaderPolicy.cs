using System.ClientModel.Primitives;

namespace GenAgent.Core.Backends.OpenAI;

/// <summary>
/// Rewrites the SDK's <c>Authorization: Bearer</c> header: Azure OpenAI (hosts ending in <c>.openai.azure.com</c> or
/// <c>.cognitiveservices.azure.com</c>) expects an API key in the <c>api-key</c> header instead, and an endpoint
/// configured without a key (a local vLLM) gets no credential at all rather than a placeholder.
/// </summary>
internal sealed class ApiKeyHeaderPolicy(string? apiKey, bool azure) : PipelinePolicy
{
    private const string AuthorizationHeader = "Authorization";

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message.Request);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message.Request);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineRequest request)
    {
        request.Headers.Remove(AuthorizationHeader);
        if (string.IsNullOrEmpty(apiKey))
        {
            return;
        }

        if (azure)
        {
            request.Headers.Set(BackendAuth.AzureApiKeyHeader, apiKey);
        }
        else
        {
            request.Headers.Set(AuthorizationHeader, "Bearer " + apiKey);
        }
    }
}

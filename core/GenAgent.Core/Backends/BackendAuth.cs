using System.Net.Http.Headers;

namespace GenAgent.Core.Backends;

/// <summary>How an API key travels to a backend.</summary>
internal static class BackendAuth
{
    /// <summary>Azure OpenAI takes keys in an <c>api-key</c> header; a Bearer token there must be an Entra token.</summary>
    public const string AzureApiKeyHeader = "api-key";

    private static readonly string[] AzureHostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com"];

    public static bool IsAzure(Uri baseUri) =>
        AzureHostSuffixes.Any(s => baseUri.Host.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for OpenAI's and Azure's hosted APIs, which reject fields they do not document.</summary>
    public static bool IsHostedOpenAI(Uri baseUri) =>
        IsAzure(baseUri)
        || baseUri.Host.Equals("openai.com", StringComparison.OrdinalIgnoreCase)
        || baseUri.Host.EndsWith(".openai.com", StringComparison.OrdinalIgnoreCase);

    public static void Apply(HttpRequestMessage request, Uri baseUri, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return;
        }

        if (IsAzure(baseUri))
        {
            request.Headers.Add(AzureApiKeyHeader, apiKey);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }
}

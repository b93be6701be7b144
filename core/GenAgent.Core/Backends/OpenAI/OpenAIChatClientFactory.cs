using System.ClientModel;
using System.ClientModel.Primitives;
using GenAgent.Core.Configuration;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace GenAgent.Core.Backends.OpenAI;

/// <summary>Builds the agent's <see cref="IChatClient"/> for any OpenAI-compatible chat completions endpoint.</summary>
public static class OpenAIChatClientFactory
{
    // The SDK insists on a credential; the header policy strips it when no key is configured.
    private const string NoKey = "no-key";

    /// <param name="options">The agent options; BaseUrl is required. Without a Model the endpoint's first served model is used.</param>
    /// <param name="httpClient">A client from IHttpClientFactory; its resilience handler owns retries and timeouts.</param>
    public static IChatClient Create(AgentOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var baseUri = BackendUri.Require(options.BaseUrl, "Agent", BackendNames.OpenAI);
        var source = $"the agent endpoint at {baseUri.Authority}";
        return string.IsNullOrWhiteSpace(options.Model)
            ? new ModelDiscoveryChatClient(httpClient, baseUri, options.ApiKey, source, model => Create(options, model, baseUri, source, httpClient))
            : Create(options, options.Model, baseUri, source, httpClient);
    }

    private static AgentChatClient Create(AgentOptions options, string model, Uri baseUri, string source, HttpClient httpClient)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = baseUri,
            Transport = new HttpClientPipelineTransport(httpClient),
            // Retries live in the HTTP resilience handler and the durable retry policy; a third layer would multiply them.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Longer than the resilience handler's total timeout, so that one reports the timeout.
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds) * (BackendHttpClients.MaxRetries + 2)
                + BackendHttpClients.MaxRetryDelay * BackendHttpClients.MaxRetries,
        };

        clientOptions.AddPolicy(new ChatReplyShapePolicy(source), PipelinePosition.BeforeTransport);
        var azure = BackendAuth.IsAzure(baseUri);
        var hasKey = !string.IsNullOrEmpty(options.ApiKey);
        if (azure || !hasKey)
        {
            clientOptions.AddPolicy(new ApiKeyHeaderPolicy(options.ApiKey, azure), PipelinePosition.BeforeTransport);
        }

        var chat = new ChatClient(model, new ApiKeyCredential(hasKey ? options.ApiKey! : NoKey), clientOptions);
        return new AgentChatClient(chat.AsIChatClient(), options, model, source);
    }
}

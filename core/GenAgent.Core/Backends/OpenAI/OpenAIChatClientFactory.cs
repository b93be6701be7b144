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

    /// <param name="options">The agent options; BaseUrl and Model are required.</param>
    /// <param name="httpClient">A client from IHttpClientFactory; its resilience handler owns retries and timeouts.</param>
    public static IChatClient Create(AgentOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var baseUri = BackendUri.Require(options.BaseUrl, "Agent", BackendNames.OpenAI);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException("GenAgent:Agent:Model is required for the openai agent backend (the model name the endpoint serves).");
        }

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

        var source = $"the agent endpoint at {baseUri.Authority}";
        clientOptions.AddPolicy(new ChatReplyShapePolicy(source), PipelinePosition.BeforeTransport);
        var azure = BackendAuth.IsAzure(baseUri);
        var hasKey = !string.IsNullOrEmpty(options.ApiKey);
        if (azure || !hasKey)
        {
            clientOptions.AddPolicy(new ApiKeyHeaderPolicy(options.ApiKey, azure), PipelinePosition.BeforeTransport);
        }

        var chat = new ChatClient(options.Model, new ApiKeyCredential(hasKey ? options.ApiKey! : NoKey), clientOptions);
        return new AgentChatClient(chat.AsIChatClient(), options, source);
    }
}

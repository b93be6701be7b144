using System.Runtime.CompilerServices;
using GenAgent.Core.Tools;
using Microsoft.Extensions.AI;

namespace GenAgent.Core.Backends.OpenAI;

/// <summary>
/// The agent client when no model name is configured: on first use it asks the endpoint which models it serves
/// (<c>GET {BaseUrl}/models</c>, as the reference client does with vLLM) and talks to the first one from then on.
/// </summary>
internal sealed class ModelDiscoveryChatClient(HttpClient httpClient, Uri baseUri, string? apiKey, string source, Func<string, IChatClient> create) : IChatClient
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChatClient? _inner;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var inner = await InnerAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var update in inner.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner?.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        _inner?.Dispose();
        _gate.Dispose();
    }

    private async Task<IChatClient> InnerAsync(CancellationToken cancellationToken)
    {
        if (_inner is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_inner is null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, BackendUri.Append(baseUri, "models"));
                var (models, body) = await BackendExchange.SendAsync(
                    httpClient, request, baseUri, apiKey, source, "Agent", ServedModelsJsonContext.Default.ServedModels, "a model list", cancellationToken).ConfigureAwait(false);
                var model = models.Data?.Select(m => m.Id).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id))
                    ?? throw new PermanentToolException($"{source} lists no model at GET /models ({BackendFailures.Excerpt(body)}); set GenAgent:Agent:Model.");
                _inner = create(model);
            }

            return _inner;
        }
        finally
        {
            _gate.Release();
        }
    }
}

using Microsoft.Extensions.AI;

namespace GenAgent.Core.Sketch;

/// <summary>The offline agent: plays the GenAgent policy with real protocol text, judging images with <see cref="SketchJudge"/>.</summary>
public sealed class SketchAgent : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("sketch helper");

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("sketch helper");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType == typeof(SketchAgent) ? this : null;

    public void Dispose() { }
}

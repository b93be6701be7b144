using Microsoft.Extensions.AI;

namespace GenAgent.Bench;

/// <summary>
/// An agent that answers at once: generate on every turn until it has seen <see cref="Rounds"/> images, then done.
/// It isolates the loop's own overhead from model time.
/// </summary>
internal sealed class InstantAgent(int rounds) : IChatClient
{
    public int Rounds { get; } = rounds;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var images = messages.Count(m => m.Role == ChatRole.User && m.Contents.OfType<DataContent>().Any());
        var text = images >= Rounds
            ? "<think>the image matches</think><judge>all requirements met</judge><answer>done</answer>"
            : $"<think>round {images + 1}</think><tool_call>{{\"name\": \"image_generation_tool\", \"arguments\": {{\"caption\": \"a red bus, attempt {images + 1}\"}}}}</tool_call>";
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark agent does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}

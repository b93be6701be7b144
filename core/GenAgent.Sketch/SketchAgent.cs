using Microsoft.Extensions.AI;

namespace GenAgent.Sketch;

/// <summary>
/// The offline agent: plays the GenAgent policy with real protocol text, judging every image through its own, weaker
/// eye (<see cref="AgentEye"/>), never through the evaluator. Stateless: every reply is derived from the conversation
/// it is given. At temperature 0 (or none) it is deterministic; above 0 it samples like a policy does, so RL rollouts
/// of one prompt differ: with probability <see cref="FlipChance"/> it takes the other decision on an image (refines a
/// good one, or stops on a flawed one), and it words its captions differently. The draws are seeded by the
/// conversation and the temperature, so a replayed turn gets the same reply.
/// </summary>
public sealed partial class SketchAgent : IChatClient
{
    public const string ModelId = "sketch-agent";

    /// <summary>After this many images the agent stops and reports what is still wrong.</summary>
    public const int MaxImages = 5;

    private const string ToolCallEnd = "</tool_call>";


    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        List<ChatMessage> list = [.. messages];
        if (IsComparison(list))
        {
            return Task.FromResult(Respond(Compare(list), ApproximateTokens(list)));
        }

        var conversation = SketchConversation.Read(list);
        var text = Decide(conversation, AgentEye.Default, Sampling.For(list, options?.Temperature));
        if (options?.StopSequences?.Contains(ToolCallEnd) == true && text.EndsWith(ToolCallEnd, StringComparison.Ordinal))
        {
            text = text[..^ToolCallEnd.Length];
        }

        return Task.FromResult(Respond(text, conversation.ApproximateInputTokens));
    }

    private static ChatResponse Respond(string text, int input)
    {
        var output = Math.Max(1, text.Length / 4);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType == typeof(SketchAgent) ? this : null;

    public void Dispose()
    {
    }
}

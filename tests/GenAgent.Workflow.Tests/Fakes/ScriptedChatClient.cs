using Microsoft.Extensions.AI;

namespace GenAgent.Workflow.Tests.Fakes;

/// <summary>An agent model that replies with queued texts and remembers every conversation it was shown.</summary>
internal sealed class ScriptedChatClient(params string[] replies) : IChatClient
{
    private readonly Queue<string> _replies = new(replies);
    private readonly List<IReadOnlyList<ChatMessage>> _seen = [];
    private readonly Lock _gate = new();

    /// <summary>When set, the first call waits on it (after announcing itself through <see cref="FirstCallStarted"/>).</summary>
    public TaskCompletionSource? HoldFirstCall { get; set; }

    public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Seen
    {
        get { lock (_gate) return [.. _seen]; }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        string text;
        bool first;
        lock (_gate)
        {
            first = _seen.Count == 0;
            _seen.Add([.. messages]);
            text = _replies.Count > 0 ? _replies.Dequeue() : throw new InvalidOperationException("The script ran out of replies.");
        }
        if (first)
        {
            FirstCallStarted.TrySetResult();
            if (HoldFirstCall is { } hold) await hold.Task.WaitAsync(cancellationToken);
        }
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 20 },
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The workflow does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}

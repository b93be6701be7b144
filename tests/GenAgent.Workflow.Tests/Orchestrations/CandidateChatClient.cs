using GenAgent.Core.Judging;
using Microsoft.Extensions.AI;

namespace GenAgent.Workflow.Tests.Orchestrations;

/// <summary>
/// An agent for effort-high tests: in an episode it generates once and then says done; comparison requests get the
/// queued verdict texts in order. Records every comparison conversation it was shown.
/// </summary>
internal sealed class CandidateChatClient(params string[] verdicts) : IChatClient
{
    private readonly Queue<string> _verdicts = new(verdicts);
    private readonly List<IReadOnlyList<ChatMessage>> _comparisons = [];
    private readonly Lock _gate = new();

    /// <summary>When set, episode turns wait on it (after announcing themselves through <see cref="EpisodeCallStarted"/>).</summary>
    public TaskCompletionSource? HoldEpisodes { get; set; }

    public TaskCompletionSource EpisodeCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Comparisons
    {
        get { lock (_gate) return [.. _comparisons]; }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> list = [.. messages];
        string text;
        if (list[0].Text.StartsWith(PairwiseJudgePrompt.Marker, StringComparison.Ordinal))
        {
            lock (_gate)
            {
                _comparisons.Add(list);
                text = _verdicts.Count > 0 ? _verdicts.Dequeue() : throw new InvalidOperationException("The script ran out of verdicts.");
            }
        }
        else
        {
            EpisodeCallStarted.TrySetResult();
            if (HoldEpisodes is { } hold) await hold.Task.WaitAsync(cancellationToken);
            var seenImage = list.Any(m => m.Contents.OfType<DataContent>().Any());
            text = seenImage
                ? "<think>looks right</think><judge>fine</judge><answer>done</answer>"
                : "<think>plan</think><tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a cube\"}}</tool_call>";
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5 },
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The workflow does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}

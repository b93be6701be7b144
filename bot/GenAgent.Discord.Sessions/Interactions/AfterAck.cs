namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>
/// Work an interaction leaves for after its answer has gone out (starting the engine session), so the answer is not
/// delayed by it and Discord has the "thinking" message before the first progress post edits it. Each item returns
/// what the user must be told instead (a refusal, a failed start) or null: before the answer that text becomes the
/// answer itself; after it, <see cref="Tell"/> puts it on the "thinking" message.
/// </summary>
public sealed class AfterAck
{
    private readonly List<Func<Task<string?>>> _work = [];

    public bool HasWork => _work.Count > 0;

    /// <summary>How to tell the user once the deferred answer exists (the handler edits the original response).</summary>
    public Func<string, Task>? Tell { get; set; }

    public void Add(Func<Task<string?>> work) => _work.Add(work);

    /// <summary>Runs the work in order and returns the first thing the user must be told, or null when all went well.</summary>
    public async Task<string?> RunAsync()
    {
        foreach (var work in _work)
        {
            if (await work().ConfigureAwait(false) is { } tell) return tell;
        }

        return null;
    }

    /// <summary>Runs the work after the answer: whatever the user must be told goes through <see cref="Tell"/>.</summary>
    public async Task RunAfterAnswerAsync() => await TellAsync(RunAsync()).ConfigureAwait(false);

    /// <summary>Finishes work that began before the answer and outlived its budget, telling the user as above.</summary>
    public async Task TellAsync(Task<string?> running)
    {
        ArgumentNullException.ThrowIfNull(running);
        if (await running.ConfigureAwait(false) is { } tell && Tell is not null) await Tell(tell).ConfigureAwait(false);
    }
}

namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>
/// Work an interaction leaves for after its answer has gone out (starting the engine session), so the answer is not
/// delayed by it and Discord has the "thinking" message before the first progress post edits it.
/// </summary>
public sealed class AfterAck
{
    private readonly List<Func<Task>> _work = [];

    public bool HasWork => _work.Count > 0;

    public void Add(Func<Task> work) => _work.Add(work);

    /// <summary>Runs the work in order; each item handles its own failures.</summary>
    public async Task RunAsync()
    {
        foreach (var work in _work) await work().ConfigureAwait(false);
    }
}

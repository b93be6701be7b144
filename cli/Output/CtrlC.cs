namespace GenAgent.Cli.Output;

/// <summary>
/// The first Ctrl+C asks the session to stop after its current step and keeps waiting for it; a second one ends
/// the process at once (a durable session can still be resumed later).
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly Func<Task> _onFirst;
    private readonly TextWriter _log;
    private Task? _cancelling;

    public CtrlC(Func<Task> onFirst, TextWriter log)
    {
        _onFirst = onFirst;
        _log = log;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public bool Requested => _cancelling is not null;

    /// <summary>Surfaces a failure of the cancel request itself, once the session has ended.</summary>
    public Task CompletionAsync() => _cancelling ?? Task.CompletedTask;

    public void Dispose() => Console.CancelKeyPress -= OnCancelKeyPress;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_cancelling is not null) return;
        e.Cancel = true;
        _log.WriteLine("genagent: cancelling after the current step (Ctrl+C again to quit now)");
        _cancelling = _onFirst();
    }
}

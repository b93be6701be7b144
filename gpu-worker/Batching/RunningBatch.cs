namespace GenAgent.GpuWorker.Batching;

/// <summary>A batch in flight: when every one of its clients has left, its compute is cancelled too.</summary>
internal sealed class RunningBatch : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private int _live;

    public RunningBatch(int size, CancellationToken stopping)
    {
        _live = size;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>One client left; the last one to leave cancels the run.</summary>
    public void Leave()
    {
        if (Interlocked.Decrement(ref _live) == 0)
        {
            _cancellation.Cancel();
        }
    }

    public void Dispose() => _cancellation.Dispose();
}

using GenAgent.Inference.Pipelines;

namespace GenAgent.GpuWorker.Batching;

/// <summary>One image's place in a model's queue, then in a batch. Its state decides who accounts for it on cancellation.</summary>
internal sealed class BatchItem
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private int _state;

    public BatchItem(BatchKey key, ImageJob job)
    {
        Key = key;
        Job = job;
    }

    public BatchKey Key { get; }

    public ImageJob Job { get; }

    public TaskCompletionSource<GeneratedImage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunningBatch? Batch { get; set; }

    public CancellationTokenRegistration Registration { get; set; }

    public bool IsQueued => Volatile.Read(ref _state) == Queued;

    /// <summary>The batcher claims the item for a batch; false when its client already left.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>The client left before a batch claimed the item: it leaves the queue without running.</summary>
    public bool TryCancelQueued() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
}

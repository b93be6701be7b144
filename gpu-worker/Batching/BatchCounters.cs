namespace GenAgent.GpuWorker.Batching;

/// <summary>
/// One model's batching figures since start. They are also exported as metrics; /health shows them directly so a
/// client (and a test) can see coalescing without a Prometheus parser.
/// </summary>
public sealed class BatchCounters
{
    private long _batches;
    private long _jobsRun;
    private long _largestBatch;
    private long _cancelledInQueue;
    private long _droppedFromBatch;
    private long _rejected;
    private long _failedBatches;

    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Images that went into a batch that ran (a cancelled queued image never counts here).</summary>
    public long JobsRun => Interlocked.Read(ref _jobsRun);

    public long LargestBatch => Interlocked.Read(ref _largestBatch);

    /// <summary>Images removed from the queue because their client left or timed out before a batch took them.</summary>
    public long CancelledInQueue => Interlocked.Read(ref _cancelledInQueue);

    /// <summary>Images whose client left while their batch ran; the batch finished for the others.</summary>
    public long DroppedFromBatch => Interlocked.Read(ref _droppedFromBatch);

    /// <summary>Images refused with 429 because the queue was full.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public long FailedBatches => Interlocked.Read(ref _failedBatches);

    internal void BatchStarted(int size)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _jobsRun, size);
        long seen;
        while (size > (seen = Interlocked.Read(ref _largestBatch))
            && Interlocked.CompareExchange(ref _largestBatch, size, seen) != seen)
        {
            // Another batch raised the maximum first; compare against its value.
        }
    }

    internal void CancelledWhileQueued() => Interlocked.Increment(ref _cancelledInQueue);

    internal void DroppedWhileRunning() => Interlocked.Increment(ref _droppedFromBatch);

    internal void RejectedFull(int images) => Interlocked.Add(ref _rejected, images);

    internal void BatchFailed() => Interlocked.Increment(ref _failedBatches);
}

using System.Collections.Concurrent;
using GenAgent.GpuWorker.Batching;
using GenAgent.Inference.Pipelines;

namespace GenAgent.GpuWorker.Tests;

/// <summary>
/// Wraps the real runner: records every job that reaches a pipeline, and can hold batches at a gate so a test decides
/// exactly when compute happens (no timing races).
/// </summary>
internal sealed class GatedBatchRunner(IBatchRunner inner) : IBatchRunner
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _gated;

    public ConcurrentQueue<ImageJob> JobsRun { get; } = new();

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    /// <summary>Completes when a batch has reached the gate.</summary>
    public Task FirstBatchEntered => _firstEntered.Task;

    public void Close() => _gated = true;

    public void Open() => _open.TrySetResult();

    public async Task<IReadOnlyList<GeneratedImage>> RunAsync(string model, BatchKey key, IReadOnlyList<ImageJob> jobs, CancellationToken cancellationToken)
    {
        BatchSizes.Enqueue(jobs.Count);
        foreach (var job in jobs)
        {
            JobsRun.Enqueue(job);
        }

        _firstEntered.TrySetResult();
        if (_gated)
        {
            await _open.Task.WaitAsync(cancellationToken);
        }

        return await inner.RunAsync(model, key, jobs, cancellationToken);
    }
}

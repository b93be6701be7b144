using System.Threading.Channels;
using GenAgent.GpuWorker.Telemetry;
using GenAgent.Inference.Pipelines;
using Microsoft.Extensions.Logging;

namespace GenAgent.GpuWorker.Batching;

/// <summary>
/// One model's dynamic batcher. Requests enter a channel; a single loop takes the oldest waiting image, gathers
/// others with the same <see cref="BatchKey"/> until the batch is full or <see cref="BatchSettings.MaxWait"/> has
/// passed, and runs the batch. Batches of one model run one at a time: the accelerator is the bottleneck, and the
/// queue is where waiting requests coalesce. Images of other keys keep their place for the next round.
/// </summary>
public sealed class ModelBatcher : IAsyncDisposable
{
    private readonly Channel<BatchItem> _incoming = Channel.CreateUnbounded<BatchItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<BatchItem> _pending = [];
    private readonly IBatchRunner _runner;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _depth;

    public ModelBatcher(string model, BatchSettings settings, IBatchRunner runner, WorkerMetrics metrics, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxQueue, 1);
        Model = model;
        Settings = settings;
        _runner = runner;
        _metrics = metrics;
        _logger = logger;
        _loop = Task.Run(() => RunLoopAsync(_stopping.Token));
    }

    public string Model { get; }

    public BatchSettings Settings { get; }

    public BatchCounters Counters { get; } = new();

    /// <summary>Images waiting for a batch (not counting the batch that runs).</summary>
    public int QueueDepth => Volatile.Read(ref _depth);

    /// <summary>
    /// Queues <paramref name="jobs"/> (all or none) and returns one task per job. Cancelling
    /// <paramref name="cancellationToken"/> removes a waiting job from the queue, or drops its slot from a running batch.
    /// </summary>
    /// <exception cref="QueueFullException">The queue has no room for every job.</exception>
    public IReadOnlyList<Task<GeneratedImage>> Submit(BatchKey key, IReadOnlyList<ImageJob> jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        Reserve(jobs.Count);

        var tasks = new Task<GeneratedImage>[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            var item = new BatchItem(key, jobs[i]);
            tasks[i] = item.Completion.Task;
            item.Registration = cancellationToken.Register(
                static (state, token) =>
                {
                    var (batcher, queued) = ((ModelBatcher, BatchItem))state!;
                    batcher.OnCancelled(queued, token);
                },
                (this, item));
            _incoming.Writer.TryWrite(item);
        }

        _metrics.QueueChanged(Model, QueueDepth);
        return tasks;
    }

    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        foreach (var item in _pending.Where(i => i.TryCancelQueued()))
        {
            item.Completion.TrySetCanceled();
        }

        _stopping.Dispose();
    }

    private void Reserve(int count)
    {
        while (true)
        {
            var depth = Volatile.Read(ref _depth);
            if (depth + count > Settings.MaxQueue)
            {
                Counters.RejectedFull(count);
                _metrics.Rejected(Model, count);
                throw new QueueFullException(
                    $"The queue for model '{Model}' is full ({depth} of {Settings.MaxQueue} images waiting); retry after {Settings.RetryAfter.TotalSeconds:0} s.");
            }

            if (Interlocked.CompareExchange(ref _depth, depth + count, depth) == depth)
            {
                return;
            }
        }
    }

    private void OnCancelled(BatchItem item, CancellationToken token)
    {
        if (item.TryCancelQueued())
        {
            Interlocked.Decrement(ref _depth);
            Counters.CancelledWhileQueued();
            _metrics.QueueChanged(Model, QueueDepth);
            item.Completion.TrySetCanceled(token);
            Logs.JobCancelledInQueue(_logger, Model);
        }
        else if (item.Completion.TrySetCanceled(token))
        {
            Counters.DroppedWhileRunning();
            item.Batch?.Leave();
            Logs.JobDroppedFromBatch(_logger, Model);
        }
    }

    private async Task RunLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                // Images of other keys left from the last round run next without waiting for new arrivals.
                _pending.RemoveAll(i => !i.IsQueued);
                if (_pending.Count == 0 && !await _incoming.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
                {
                    return;
                }

                Drain();
                if (_pending.Count == 0)
                {
                    continue;
                }

                var key = _pending[0].Key;
                await FillAsync(key, stopping).ConfigureAwait(false);
                var batch = Take(key);
                if (batch.Count > 0)
                {
                    await RunBatchAsync(key, batch, stopping).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Logs.BatcherStopped(_logger, Model);
        }
    }

    /// <summary>Moves everything in the channel to the pending list and forgets items whose clients left.</summary>
    private void Drain()
    {
        while (_incoming.Reader.TryRead(out var item))
        {
            _pending.Add(item);
        }

        _pending.RemoveAll(i => !i.IsQueued);
    }

    /// <summary>Waits, at most the wait window, for the batch of <paramref name="key"/> to fill.</summary>
    private async Task FillAsync(BatchKey key, CancellationToken stopping)
    {
        if (Settings.MaxWait <= TimeSpan.Zero)
        {
            return;
        }

        var deadline = DateTime.UtcNow + Settings.MaxWait;
        while (_pending.Count(i => i.Key == key) < Settings.MaxBatch)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            using var window = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            window.CancelAfter(left);
            try
            {
                if (!await _incoming.Reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // The wait window closed: run what has gathered.
                return;
            }

            Drain();
        }
    }

    private List<BatchItem> Take(BatchKey key)
    {
        var batch = new List<BatchItem>(Settings.MaxBatch);
        foreach (var item in _pending)
        {
            if (batch.Count == Settings.MaxBatch)
            {
                break;
            }

            if (item.Key == key && item.TryTake())
            {
                batch.Add(item);
            }
        }

        _pending.RemoveAll(i => !i.IsQueued);
        Interlocked.Add(ref _depth, -batch.Count);
        _metrics.QueueChanged(Model, QueueDepth);
        return batch;
    }

    private async Task RunAloneAsync(BatchKey key, BatchItem item, CancellationToken cancellationToken)
    {
        try
        {
            var images = await _runner.RunAsync(Model, key, [item.Job], cancellationToken).ConfigureAwait(false);
            if (images.Count != 1) throw new InvalidOperationException($"Model '{Model}' returned {images.Count} images for one job.");
            item.Completion.TrySetResult(images[0]);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            item.Completion.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            item.Completion.TrySetException(ex);
        }
    }

    private async Task RunBatchAsync(BatchKey key, List<BatchItem> items, CancellationToken stopping)
    {
        using var running = new RunningBatch(items.Count, stopping);
        foreach (var item in items)
        {
            item.Batch = running;
        }

        Counters.BatchStarted(items.Count);
        _metrics.BatchRan(Model, items.Count);
        Logs.BatchStarting(_logger, Model, items.Count, key.Width, key.Height, key.Mode);
        try
        {
            var jobs = items.Select(i => i.Job).ToList();
            var images = await _runner.RunAsync(Model, key, jobs, running.Token).ConfigureAwait(false);
            if (images.Count != items.Count)
            {
                throw new InvalidOperationException($"Model '{Model}' returned {images.Count} images for a batch of {items.Count}.");
            }

            for (var i = 0; i < items.Count; i++)
            {
                items[i].Completion.TrySetResult(images[i]);
            }
        }
        catch (OperationCanceledException ex) when (running.Token.IsCancellationRequested)
        {
            foreach (var item in items)
            {
                item.Completion.TrySetCanceled(ex.CancellationToken);
            }
        }
        catch (Exception ex) when (items.Count > 1 && !running.Token.IsCancellationRequested)
        {
            // One bad job must not fail the other clients' jobs: each runs again alone, so only the one at fault gets an error.
            Counters.BatchFailed();
            Logs.BatchFailed(_logger, ex, Model, items.Count);
            foreach (var item in items)
            {
                await RunAloneAsync(key, item, running.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // A failed batch fails its requests (500 at the edge); the loop keeps serving the next ones.
            Counters.BatchFailed();
            Logs.BatchFailed(_logger, ex, Model, items.Count);
            foreach (var item in items)
            {
                item.Completion.TrySetException(ex);
            }
        }
        finally
        {
            // Disposing a registration waits for a cancellation callback in progress, so none touches the batch after this.
            foreach (var item in items)
            {
                item.Registration.Dispose();
            }
        }
    }
}

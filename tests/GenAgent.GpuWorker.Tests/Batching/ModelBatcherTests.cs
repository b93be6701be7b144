using System.Diagnostics.Metrics;
using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Telemetry;
using GenAgent.Inference.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.GpuWorker.Tests.Batching;

/// <summary>The batcher alone, with a runner that records batches and blocks the first one until the test lets it go.</summary>
public sealed class ModelBatcherTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingRunner _runner = new();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Only_jobs_with_the_same_mode_and_size_share_a_batch_and_order_is_kept()
    {
        await using var batcher = Batcher(maxBatch: 8, maxQueue: 16);
        var small = new BatchKey(BatchMode.Generate, 64, 64);
        var large = new BatchKey(BatchMode.Generate, 128, 64);
        var edit = new BatchKey(BatchMode.Edit, 64, 64);

        var blocker = batcher.Submit(small, [Job("blocker", 0)], CancellationToken.None);
        await _runner.FirstEntered.Task;
        var tasks = new List<Task<GeneratedImage>>();
        tasks.AddRange(batcher.Submit(small, [Job("s1", 1), Job("s2", 2)], CancellationToken.None));
        tasks.AddRange(batcher.Submit(large, [Job("l1", 3)], CancellationToken.None));
        tasks.AddRange(batcher.Submit(edit, [Job("e1", 4)], CancellationToken.None));
        tasks.AddRange(batcher.Submit(small, [Job("s3", 5)], CancellationToken.None));
        Assert.Equal(5, batcher.QueueDepth);
        _runner.Release.SetResult();

        var seeds = (await Task.WhenAll(tasks)).Select(i => i.Seed);
        await blocker[0];

        Assert.Equal([1L, 2, 3, 4, 5], seeds);
        Assert.Equal(["blocker", "s1+s2+s3", "l1", "e1"], _runner.Batches);
        Assert.Equal(4, batcher.Counters.Batches);
        Assert.Equal(6, batcher.Counters.JobsRun);
        Assert.Equal(3, batcher.Counters.LargestBatch);
        Assert.Equal(0, batcher.QueueDepth);
    }

    [Fact]
    public async Task A_request_that_does_not_fit_whole_is_refused_whole()
    {
        await using var batcher = Batcher(maxBatch: 1, maxQueue: 2);
        var key = new BatchKey(BatchMode.Generate, 64, 64);
        var blocker = batcher.Submit(key, [Job("blocker", 0)], CancellationToken.None);
        await _runner.FirstEntered.Task;
        var queued = batcher.Submit(key, [Job("a", 1)], CancellationToken.None);

        Assert.Throws<QueueFullException>(() => batcher.Submit(key, [Job("b", 2), Job("c", 3)], CancellationToken.None));
        Assert.Equal(1, batcher.QueueDepth);
        Assert.Equal(2, batcher.Counters.Rejected);
        _runner.Release.SetResult();
        await Task.WhenAll(blocker.Concat(queued));
        Assert.Equal(["blocker", "a"], _runner.Batches);
    }

    [Fact]
    public async Task A_job_that_fails_its_batch_fails_alone_and_its_batch_mates_get_their_images()
    {
        await using var batcher = Batcher(maxBatch: 8, maxQueue: 16);
        var key = new BatchKey(BatchMode.Generate, 64, 64);
        var blocker = batcher.Submit(key, [Job("blocker", 0)], CancellationToken.None);
        await _runner.FirstEntered.Task;
        _runner.Poison = "poison";
        var good = batcher.Submit(key, [Job("a", 1), Job("b", 2)], CancellationToken.None);
        var bad = batcher.Submit(key, [Job("poison", 3)], CancellationToken.None);
        var more = batcher.Submit(key, [Job("c", 4)], CancellationToken.None);
        _runner.Release.SetResult();
        await Task.WhenAll(blocker);

        Assert.Equal([1L, 2, 4], (await Task.WhenAll(good.Concat(more))).Select(i => i.Seed));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad[0]);
        Assert.Contains("poison", error.Message, StringComparison.Ordinal);
        Assert.Equal(["blocker", "a+b+poison+c", "a", "b", "poison", "c"], _runner.Batches);
    }

    private ModelBatcher Batcher(int maxBatch, int maxQueue) =>
        new("m", new BatchSettings(maxBatch, maxQueue, TimeSpan.Zero, TimeSpan.FromSeconds(1)), _runner, new WorkerMetrics(_services.GetRequiredService<IMeterFactory>()), NullLogger.Instance);

    private static ImageJob Job(string prompt, long seed) => new(prompt, 64, 64, seed);

    private sealed class RecordingRunner : IBatchRunner
    {
        public TaskCompletionSource FirstEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Batches { get; } = [];

        /// <summary>A prompt that makes any batch holding it throw, as a bad job would inside a pipeline.</summary>
        public string? Poison { get; set; }

        public async Task<IReadOnlyList<GeneratedImage>> RunAsync(string model, BatchKey key, IReadOnlyList<ImageJob> jobs, CancellationToken cancellationToken)
        {
            lock (Batches)
            {
                Batches.Add(string.Join("+", jobs.Select(j => j.Prompt)));
            }

            FirstEntered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            if (Poison is { } poison && jobs.Any(j => j.Prompt == poison)) throw new InvalidOperationException($"the pipeline choked on '{poison}'");
            return jobs.Select(j => new GeneratedImage([], j.Seed)).ToList();
        }
    }
}

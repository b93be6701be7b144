using GenAgent.GpuWorker.Configuration;
using GenAgent.GpuWorker.Models;
using GenAgent.GpuWorker.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.GpuWorker.Batching;

/// <summary>One <see cref="ModelBatcher"/> per generation pipeline, created at start and stopped with the host.</summary>
public sealed class BatcherRegistry : IAsyncDisposable
{
    private readonly Dictionary<string, ModelBatcher> _batchers = new(StringComparer.Ordinal);

    public BatcherRegistry(WorkerModels models, IBatchRunner runner, IOptions<WorkerOptions> options, WorkerMetrics metrics, ILogger<ModelBatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        var worker = options.Value;
        foreach (var pipeline in models.Pipelines)
        {
            var modelMax = Math.Max(1, pipeline.Limits.MaxBatch);
            var settings = new BatchSettings(
                worker.MaxBatch > 0 ? Math.Min(worker.MaxBatch, modelMax) : modelMax,
                worker.MaxQueue,
                TimeSpan.FromMilliseconds(worker.MaxBatchWaitMs),
                TimeSpan.FromSeconds(worker.RetryAfterSeconds));
            _batchers[pipeline.Manifest.Name] = new ModelBatcher(pipeline.Manifest.Name, settings, runner, metrics, logger);
        }
    }

    public IReadOnlyCollection<ModelBatcher> All => _batchers.Values;

    public ModelBatcher Get(string model) =>
        _batchers.TryGetValue(model, out var batcher)
            ? batcher
            : throw new KeyNotFoundException($"No batcher for model '{model}'.");

    public async ValueTask DisposeAsync()
    {
        foreach (var batcher in _batchers.Values)
        {
            await batcher.DisposeAsync().ConfigureAwait(false);
        }
    }
}

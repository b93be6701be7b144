using GenAgent.GpuWorker.Models;
using GenAgent.Inference.Pipelines;

namespace GenAgent.GpuWorker.Batching;

/// <summary>Runs a batch on the loaded pipeline of that name.</summary>
public sealed class PipelineBatchRunner(WorkerModels models) : IBatchRunner
{
    public Task<IReadOnlyList<GeneratedImage>> RunAsync(string model, BatchKey key, IReadOnlyList<ImageJob> jobs, CancellationToken cancellationToken) =>
        models.Require(model).GenerateAsync(jobs, progress: null, cancellationToken);
}

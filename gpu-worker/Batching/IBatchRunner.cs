using GenAgent.Inference.Pipelines;

namespace GenAgent.GpuWorker.Batching;

/// <summary>Runs one coalesced batch on a model; the batcher owns queueing, this owns the compute.</summary>
public interface IBatchRunner
{
    /// <returns>One image per job, in the order of <paramref name="jobs"/>.</returns>
    Task<IReadOnlyList<GeneratedImage>> RunAsync(string model, BatchKey key, IReadOnlyList<ImageJob> jobs, CancellationToken cancellationToken);
}

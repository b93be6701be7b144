using GenAgent.Inference.Models;

namespace GenAgent.Inference.Pipelines;

/// <summary>
/// A text-to-image (and image-to-image) pipeline over one model set. All jobs of one call share a
/// width and height; the pipeline runs them as one batched ONNX call per denoising step (jobs that
/// differ in mode, steps or guidance form sub-batches) and checks cancellation every step.
/// </summary>
public interface IImagePipeline : IDisposable
{
    ModelManifest Manifest { get; }

    PipelineLimits Limits { get; }

    Task<IReadOnlyList<GeneratedImage>> GenerateAsync(
        IReadOnlyList<ImageJob> jobs,
        IProgress<PipelineStep>? progress,
        CancellationToken cancellationToken);
}

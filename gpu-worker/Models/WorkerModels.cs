using GenAgent.Inference.Pipelines;
using GenAgent.Inference.Runtime;
using GenAgent.GpuWorker.Api;

namespace GenAgent.GpuWorker.Models;

/// <summary>
/// Everything loaded from the models folder at start: the provider in use, the generation pipelines (in manifest
/// order), the CLIP judge, and which pipelines serve requests that name no model.
/// </summary>
public sealed partial class WorkerModels
{
    private readonly Dictionary<string, IImagePipeline> _byName;

    public OrtSessionFactory Factory { get; }

    public IReadOnlyList<IImagePipeline> Pipelines { get; }

    public DateTimeOffset LoadedAt { get; } = DateTimeOffset.UtcNow;

    public string Provider => Factory.ActiveProvider;

    public string Policy => Factory.Policy.ToName();

    public string? FallbackReason => Factory.FallbackReason;

    /// <summary>Every servable name: generation pipelines, then the CLIP judge.</summary>
    public IEnumerable<string> Names => Pipelines.Select(p => p.Manifest.Name).Concat(ClipJudgeName is null ? [] : [ClipJudgeName]);

    public IImagePipeline Require(string name) =>
        _byName.TryGetValue(name, out var pipeline)
            ? pipeline
            : throw new KeyNotFoundException($"No pipeline named '{name}' is loaded.");

    /// <summary>The pipeline a generation request names, or the default one (Worker:GenerateModel, else the first).</summary>
    public IImagePipeline ForGeneration(string? model) => model is null ? ForPaperGenerate() : Named(model);

    /// <summary>The pipeline an edit request names, or the default editor; it must support image-to-image.</summary>
    public IImagePipeline ForEdit(string? model)
    {
        var pipeline = model is null ? ForPaperEdit() : Named(model);
        return pipeline.Limits.SupportsEdit
            ? pipeline
            : throw new InvalidRequestException($"Model '{pipeline.Manifest.Name}' cannot edit images.", "model", "edit_not_supported");
    }

    public IImagePipeline ForPaperGenerate() => _generateDefault;

    public IImagePipeline ForPaperEdit() =>
        _editDefault ?? throw new InvalidRequestException("No loaded model can edit images.", "image", "edit_not_supported");

    private IImagePipeline Named(string model)
    {
        if (_byName.TryGetValue(model, out var pipeline))
        {
            return pipeline;
        }

        var known = string.Join(", ", Pipelines.Select(p => p.Manifest.Name));
        throw new InvalidRequestException($"The model '{model}' does not exist on this worker; it serves {known}.", "model", "model_not_found");
    }
}

using GenAgent.GpuWorker.Configuration;
using GenAgent.Inference.Judges;
using GenAgent.Inference.Models;
using GenAgent.Inference.Pipelines;
using GenAgent.Inference.Runtime;
using Microsoft.Extensions.Logging;

namespace GenAgent.GpuWorker.Models;

public sealed partial class WorkerModels : IDisposable
{
    private readonly ModelCatalog _catalog;
    private readonly IImagePipeline _generateDefault;
    private readonly IImagePipeline? _editDefault;

    private WorkerModels(OrtSessionFactory factory, ModelCatalog catalog, WorkerOptions options)
    {
        Factory = factory;
        _catalog = catalog;
        Pipelines = catalog.Pipelines;
        if (Pipelines.Count == 0)
        {
            throw new WorkerStartupException("The models folder has no generation model (a manifest of kind sd or flux); `make-test-models <folder>` writes a tiny set.");
        }

        _byName = Pipelines.ToDictionary(p => p.Manifest.Name, StringComparer.OrdinalIgnoreCase);
        _generateDefault = Configured(options.GenerateModel, "Worker:GenerateModel") ?? Pipelines[0];
        _editDefault = Configured(options.EditModel, "Worker:EditModel") ?? Pipelines.FirstOrDefault(p => p.Limits.SupportsEdit);
        if (_editDefault is { Limits.SupportsEdit: false })
        {
            throw new WorkerStartupException($"Worker:EditModel '{_editDefault.Manifest.Name}' cannot edit images; pick a model whose pipeline supports image-to-image.");
        }
    }

    public bool HasClipJudge => _catalog.Clip is not null;

    public string? ClipJudgeName => _catalog.Clip?.Manifest.Name;

    /// <summary>Loads, validates and warms every model in <paramref name="folder"/> under the configured provider policy.</summary>
    public static WorkerModels Load(string folder, WorkerOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        if (!Directory.Exists(folder))
        {
            throw new WorkerStartupException(
                $"The models folder '{Path.GetFullPath(folder)}' does not exist: pass --models <folder> (or Models__Path); `make-test-models <folder>` writes a tiny set.");
        }

        var logger = loggers.CreateLogger<WorkerModels>();
        // The factory logs the provider it chose and any CPU fallback.
        var factory = new OrtSessionFactory(options.Policy, options.CudaDeviceId, loggers.CreateLogger<OrtSessionFactory>());
        var catalog = ModelCatalog.Load(folder, factory, loggers);
        try
        {
            var models = new WorkerModels(factory, catalog, options);
            foreach (var pipeline in models.Pipelines)
            {
                var limits = pipeline.Limits;
                Logs.ModelReady(logger, pipeline.Manifest.Name, ModelManifest.KindName(pipeline.Manifest.Kind), limits.DefaultWidth, limits.DefaultHeight, limits.MaxBatch);
            }

            return models;
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>What loading the model cost: its ONNX file bytes and the working-set growth measured around load and warm-up.</summary>
    public ModelMemory? Memory(string model) =>
        _catalog.Memory.FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.OrdinalIgnoreCase));

    /// <summary>CLIP scores of each image against <paramref name="text"/>, in order.</summary>
    public async Task<IReadOnlyList<float>> ScoreClipAsync(IReadOnlyList<byte[]> images, string text, CancellationToken cancellationToken)
    {
        var judge = _catalog.Clip ?? throw new InvalidOperationException("No CLIP judge is loaded.");
        return await judge.ScoreAsync(images.Select(image => (image, text)).ToList(), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _catalog.Dispose();

    private IImagePipeline? Configured(string? name, string key)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return _byName.TryGetValue(name, out var pipeline)
            ? pipeline
            : throw new WorkerStartupException($"{key} '{name}' is not a loaded model; loaded: {string.Join(", ", _byName.Keys)}.");
    }
}

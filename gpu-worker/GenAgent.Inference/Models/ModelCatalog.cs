using System.Diagnostics;
using GenAgent.Inference.Judges;
using GenAgent.Inference.Pipelines;
using GenAgent.Inference.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.Inference.Models;

/// <summary>
/// Every model set in a folder: each top-level <c>*.json</c> file is a manifest (tokenizer JSON files
/// live in sub-folders). Loading validates every session against its manifest and warms every pipeline up.
/// </summary>
public sealed class ModelCatalog : IDisposable
{
    private readonly List<IImagePipeline> _pipelines;
    private readonly List<ClipJudge> _judges;

    private ModelCatalog(string folder, OrtSessionFactory factory, List<IImagePipeline> pipelines, List<ClipJudge> judges, List<ModelMemory> memory)
    {
        Folder = folder;
        Factory = factory;
        _pipelines = pipelines;
        _judges = judges;
        Memory = memory;
    }

    public string Folder { get; }

    public OrtSessionFactory Factory { get; }

    public IReadOnlyList<IImagePipeline> Pipelines => _pipelines;

    public IReadOnlyList<ClipJudge> Judges => _judges;

    /// <summary>The first CLIP judge, if any.</summary>
    public ClipJudge? Clip => _judges.Count > 0 ? _judges[0] : null;

    /// <summary>Loaded size of each model set, in load order.</summary>
    public IReadOnlyList<ModelMemory> Memory { get; }

    public IImagePipeline? FindPipeline(string name) =>
        _pipelines.FirstOrDefault(p => string.Equals(p.Manifest.Name, name, StringComparison.OrdinalIgnoreCase));

    public ClipJudge? FindJudge(string name) =>
        _judges.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.OrdinalIgnoreCase));

    public static ModelCatalog Load(string folder, OrtSessionFactory factory, ILoggerFactory? loggers = null, bool warmUp = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(factory);
        loggers ??= NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger<ModelCatalog>();
        var fullFolder = Path.GetFullPath(folder);
        if (!Directory.Exists(fullFolder))
        {
            throw new ModelLoadException($"Models folder '{fullFolder}' does not exist.");
        }

        var manifests = Directory.GetFiles(fullFolder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        if (manifests.Count == 0)
        {
            throw new ModelLoadException($"Models folder '{fullFolder}' has no *.json model manifests.");
        }

        var pipelines = new List<IImagePipeline>();
        var judges = new List<ClipJudge>();
        var memory = new List<ModelMemory>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var path in manifests)
            {
                var manifest = ModelManifest.Load(path);
                if (!names.TryAdd(manifest.Name, path))
                {
                    throw new ModelLoadException($"Model manifest '{path}': the name '{manifest.Name}' is already used by '{names[manifest.Name]}'.");
                }

                var before = CurrentWorkingSet();
                var fileBytes = manifest.Components.Values.Sum(c => new FileInfo(c.File).Length);
                switch (manifest.Kind)
                {
                    case ModelKind.Clip:
                        var judge = ClipJudge.Load(manifest, factory);
                        judges.Add(judge);
                        if (warmUp)
                        {
                            var started = Stopwatch.GetTimestamp();
                            WarmUp(judge, manifest);
                            Logs.ModelWarmedUp(logger, manifest.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }

                        break;
                    case ModelKind.StableDiffusion:
                    case ModelKind.Flux:
                        var pipelineLogger = loggers.CreateLogger(manifest.Kind == ModelKind.Flux ? typeof(FluxPipeline).FullName! : typeof(StableDiffusionPipeline).FullName!);
                        DiffusionPipeline pipeline = manifest.Kind == ModelKind.Flux
                            ? FluxPipeline.Load(manifest, factory, pipelineLogger)
                            : StableDiffusionPipeline.Load(manifest, factory, pipelineLogger);
                        pipelines.Add(pipeline);
                        if (warmUp)
                        {
                            var started = Stopwatch.GetTimestamp();
                            WarmUp(pipeline, manifest);
                            Logs.ModelWarmedUp(logger, manifest.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }

                        break;
                    default:
                        throw new ModelLoadException($"Model manifest '{path}': unsupported kind {manifest.Kind}.");
                }

                var delta = CurrentWorkingSet() - before;
                memory.Add(new ModelMemory(manifest.Name, fileBytes, delta));
                Logs.ModelLoaded(logger, manifest.Name, ModelManifest.KindName(manifest.Kind), path, fileBytes, delta);
            }
        }
        catch
        {
            pipelines.ForEach(p => p.Dispose());
            judges.ForEach(j => j.Dispose());
            throw;
        }

        return new ModelCatalog(fullFolder, factory, pipelines, judges, memory);
    }

    private static void WarmUp(DiffusionPipeline pipeline, ModelManifest manifest)
    {
        try
        {
            // Startup is synchronous by design: the host must not accept requests before the models answer.
            pipeline.WarmUpAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            throw new ModelLoadException($"Model manifest '{manifest.SourcePath}': the warm-up run of '{manifest.Name}' failed: {ex.Message}", ex);
        }
    }

    private static void WarmUp(ClipJudge judge, ModelManifest manifest)
    {
        try
        {
            judge.WarmUpAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            throw new ModelLoadException($"Model manifest '{manifest.SourcePath}': the warm-up run of '{manifest.Name}' failed: {ex.Message}", ex);
        }
    }

    private static long CurrentWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public void Dispose()
    {
        _pipelines.ForEach(p => p.Dispose());
        _judges.ForEach(j => j.Dispose());
        _pipelines.Clear();
        _judges.Clear();
    }
}

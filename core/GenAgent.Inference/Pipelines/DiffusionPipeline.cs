using GenAgent.Inference.Models;
using GenAgent.Inference.Noise;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.Schedulers;
using Microsoft.Extensions.Logging;

namespace GenAgent.Inference.Pipelines;

/// <summary>
/// What every diffusion pipeline shares: job checks, grouping a call into batches that share steps,
/// guidance and mode, per-job seeded noise, and running the synchronous ONNX work off the caller's thread.
/// </summary>
public abstract class DiffusionPipeline : IImagePipeline
{
    private readonly List<OnnxComponent> _components = [];

    private protected DiffusionPipeline(ModelManifest manifest, ILogger logger)
    {
        Manifest = manifest;
        Logger = logger;
        var c = manifest.Constants;
        Scheduler = SchedulerFactory.Create(SchedulerFactory.ParseKind(c.Scheduler), c);
        Limits = new PipelineLimits(c.DefaultWidth, c.DefaultHeight, c.SizeMultiple, c.MaxWidth, c.MaxHeight, c.MaxBatch, c.DefaultSteps, c.SupportsEdit && manifest.OptionalComponent(ComponentSchema.VaeEncoder) is not null);
    }

    public ModelManifest Manifest { get; }

    public PipelineLimits Limits { get; }

    public IScheduler Scheduler { get; }

    private protected ILogger Logger { get; }

    private protected OnnxComponent Track(OnnxComponent component)
    {
        _components.Add(component);
        return component;
    }

    public Task<IReadOnlyList<GeneratedImage>> GenerateAsync(IReadOnlyList<ImageJob> jobs, IProgress<PipelineStep>? progress, CancellationToken cancellationToken)
    {
        var groups = Plan(jobs);
        return Task.Run<IReadOnlyList<GeneratedImage>>(
            () =>
            {
                var images = new GeneratedImage[jobs.Count];
                foreach (var group in groups)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Logs.BatchStarted(Logger, Manifest.Name, group.Jobs.Count, group.Width, group.Height, group.Steps);
                    var pngs = RunGroup(group, progress, cancellationToken);
                    for (var i = 0; i < group.Indices.Count; i++)
                    {
                        images[group.Indices[i]] = new GeneratedImage(pngs[i], group.Jobs[i].Seed);
                    }
                }

                return images;
            },
            cancellationToken);
    }

    /// <summary>One small generation so the first request does not pay for session initialisation.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        GenerateAsync([new ImageJob("warm up", Limits.DefaultWidth, Limits.DefaultHeight, 0, Steps: 1)], null, cancellationToken);

    private protected abstract byte[][] RunGroup(JobGroup group, IProgress<PipelineStep>? progress, CancellationToken cancellationToken);

    /// <summary>The initial noise, then (for ancestral schedulers) the step noise, come from one generator per job.</summary>
    private protected static GaussianNoise[] Generators(JobGroup group) => group.Jobs.Select(j => new GaussianNoise(j.Seed)).ToArray();

    private List<JobGroup> Plan(IReadOnlyList<ImageJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0)
        {
            throw new ArgumentException("At least one job is required.", nameof(jobs));
        }

        if (jobs.Count > Limits.MaxBatch)
        {
            throw new ArgumentException($"{jobs.Count} jobs exceed the maximum batch of {Limits.MaxBatch} for model '{Manifest.Name}'.", nameof(jobs));
        }

        var first = jobs[0];
        foreach (var job in jobs)
        {
            ArgumentNullException.ThrowIfNull(job);
            if (string.IsNullOrWhiteSpace(job.Prompt))
            {
                throw new ArgumentException("The prompt is empty.", nameof(jobs));
            }

            if (job.Width != first.Width || job.Height != first.Height)
            {
                throw new ArgumentException("All jobs of one call must have the same width and height.", nameof(jobs));
            }

            if (Limits.CheckSize(job.Width, job.Height) is { } sizeError)
            {
                throw new ArgumentException(sizeError, nameof(jobs));
            }

            if (job.Steps is < 1 or > 1000)
            {
                throw new ArgumentException($"Steps must be between 1 and 1000 (was {job.Steps}).", nameof(jobs));
            }

            if (job.InitImage is not null)
            {
                if (!Limits.SupportsEdit)
                {
                    throw new ArgumentException($"Model '{Manifest.Name}' does not support image-to-image.", nameof(jobs));
                }

                if (job.Strength is <= 0 or > 1 || float.IsNaN(job.Strength))
                {
                    throw new ArgumentException($"Strength must be in (0, 1] (was {job.Strength}).", nameof(jobs));
                }
            }
        }

        return jobs
            .Select((job, index) => (job, index))
            .GroupBy(x => (
                Steps: x.job.Steps ?? Limits.DefaultSteps,
                Guidance: x.job.GuidanceScale ?? Manifest.Constants.DefaultGuidance,
                IsEdit: x.job.InitImage is not null,
                Strength: x.job.InitImage is null ? 1f : x.job.Strength))
            .Select(g => new JobGroup(g.Select(x => x.index).ToArray(), g.Select(x => x.job).ToArray(), g.Key.Steps, g.Key.Guidance, g.Key.IsEdit, g.Key.Strength))
            .ToList();
    }

    public void Dispose()
    {
        foreach (var component in _components)
        {
            component.Dispose();
        }

        _components.Clear();
        GC.SuppressFinalize(this);
    }
}

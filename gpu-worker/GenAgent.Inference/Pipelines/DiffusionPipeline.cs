using GenAgent.Inference.Images;
using GenAgent.Inference.Models;
using GenAgent.Inference.Noise;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.Schedulers;
using GenAgent.Inference.Tensors;
using GenAgent.Inference.Vae;
using Microsoft.Extensions.Logging;

namespace GenAgent.Inference.Pipelines;

/// <summary>
/// What every diffusion pipeline shares: job checks, grouping a call into batches that share steps,
/// guidance and mode, per-job seeded noise, the VAE at both ends, and running the synchronous ONNX work
/// off the caller's thread.
/// </summary>
public abstract class DiffusionPipeline : IImagePipeline
{
    private readonly List<OnnxComponent> _components = [];
    private readonly ILogger _logger;

    // Set by LoadVae from the derived constructor, so they cannot be readonly.
    private VaeDecoder? _decoder;
    private VaeEncoder? _encoder;

    private protected DiffusionPipeline(ModelManifest manifest, ILogger logger)
    {
        Manifest = manifest;
        _logger = logger;
        var c = manifest.Constants;
        Scheduler = SchedulerFactory.Create(SchedulerFactory.ParseKind(c.Scheduler), c);
        Limits = new PipelineLimits(c.DefaultWidth, c.DefaultHeight, c.SizeMultiple, c.MaxWidth, c.MaxHeight, c.MaxBatch, c.DefaultSteps, c.SupportsEdit && manifest.OptionalComponent(ComponentSchema.VaeEncoder) is not null);
    }

    public ModelManifest Manifest { get; }

    public PipelineLimits Limits { get; }

    public IScheduler Scheduler { get; }

    /// <summary>Loads one component of the manifest; the pipeline disposes it.</summary>
    private protected OnnxComponent LoadComponent(string role, OrtSessionFactory factory)
    {
        var component = OnnxComponent.Load(Manifest, role, factory);
        _components.Add(component);
        return component;
    }

    /// <summary>
    /// Loads the VAE decoder, and the encoder when the set has one. Each pipeline calls this after loading its
    /// text encoders and denoiser; that order decides which broken file a load error names first.
    /// </summary>
    private protected void LoadVae(OrtSessionFactory factory)
    {
        var c = Manifest.Constants;
        _decoder = new VaeDecoder(LoadComponent(ComponentSchema.VaeDecoder, factory), c.VaeScalingFactor, c.VaeShiftFactor);
        if (Manifest.OptionalComponent(ComponentSchema.VaeEncoder) is not null)
        {
            _encoder = new VaeEncoder(LoadComponent(ComponentSchema.VaeEncoder, factory), c.VaeScalingFactor, c.VaeShiftFactor, c.LatentChannels);
        }
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
                    Logs.BatchStarted(_logger, Manifest.Name, group.Jobs.Count, group.Width, group.Height, group.Steps);
                    foreach (var job in group.Jobs)
                    {
                        Logs.Prompt(_logger, Manifest.Name, job.Prompt);
                    }

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

    /// <summary>
    /// The latents [B, C, h, w] at the first step of <paramref name="schedule"/>: zeros, or the encoded init
    /// images for image-to-image, noised to that step with each job's generator.
    /// </summary>
    private protected FloatTensor InitialLatents(JobGroup group, Schedule schedule, GaussianNoise[] generators)
    {
        var c = Manifest.Constants;
        var latents = group.IsEdit
            ? EncodeInitImages(group)
            : FloatTensor.Zeros(group.Jobs.Count, c.LatentChannels, group.Height / c.VaeDownscale, group.Width / c.VaeDownscale);
        for (var b = 0; b < group.Jobs.Count; b++)
        {
            Scheduler.AddNoise(schedule, 0, latents.Item(b), generators[b].Next(latents.ItemLength));
        }

        return latents;
    }

    /// <summary>
    /// Decodes final latents [B, C, h, w] to one PNG per job, one image per decoder run: diffusers' ONNX pipelines
    /// decode one at a time because fp16 VAE decoders gave wrong images at batch > 1, and the decoder is a small share
    /// of a generation next to the denoising steps.
    /// </summary>
    private protected byte[][] DecodeToPngs(FloatTensor latents, JobGroup group) =>
        Enumerable.Range(0, group.Jobs.Count)
            .Select(b => ImageTensors.ToPng(_decoder!.Decode(latents.SliceBatch(b, 1)).Item(0), group.Width, group.Height))
            .ToArray();

    private FloatTensor EncodeInitImages(JobGroup group)
    {
        var items = group.Jobs.Select(j => ImageTensors.ToSignedTensor(j.InitImage!, group.Width, group.Height)).ToArray();
        var pixels = new FloatTensor(items.SelectMany(i => i).ToArray(), items.Length, 3, group.Height, group.Width);
        return _encoder!.Encode(pixels);
    }

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

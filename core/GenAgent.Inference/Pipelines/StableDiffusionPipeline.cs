using GenAgent.Inference.Guidance;
using GenAgent.Inference.Images;
using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.Tensors;
using GenAgent.Inference.TextEncoders;
using GenAgent.Inference.Tokenizers;
using GenAgent.Inference.Vae;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.Inference.Pipelines;

/// <summary>
/// SD-Turbo / SD 2.x: CLIP tokenizer and text encoder, UNet with Euler or Euler-ancestral (trailing
/// spacing), optional classifier-free guidance (both halves in one batch), VAE decode; image-to-image
/// encodes the init image and starts part-way down the schedule.
/// </summary>
public sealed class StableDiffusionPipeline : DiffusionPipeline
{
    private readonly TextEncoder _text;
    private readonly OnnxComponent _unet;
    private readonly VaeDecoder _decoder;
    private readonly VaeEncoder? _encoder;

    private StableDiffusionPipeline(ModelManifest manifest, OrtSessionFactory factory, ILogger logger)
        : base(manifest, logger)
    {
        var c = manifest.Constants;
        var tokenizer = ClipTokenizer.Load(manifest.Tokenizers.ClipVocab!, manifest.Tokenizers.ClipMerges!, c.ClipTokenLength, c.ClipPadId);
        _text = new TextEncoder(Track(OnnxComponent.Load(manifest, ComponentSchema.TextEncoder, factory)), tokenizer.Encode, "last_hidden_state");
        _unet = Track(OnnxComponent.Load(manifest, ComponentSchema.Unet, factory));
        _decoder = new VaeDecoder(Track(OnnxComponent.Load(manifest, ComponentSchema.VaeDecoder, factory)), c.VaeScalingFactor, c.VaeShiftFactor);
        if (manifest.OptionalComponent(ComponentSchema.VaeEncoder) is not null)
        {
            _encoder = new VaeEncoder(Track(OnnxComponent.Load(manifest, ComponentSchema.VaeEncoder, factory)), c.VaeScalingFactor, c.VaeShiftFactor);
        }
    }

    public static StableDiffusionPipeline Load(ModelManifest manifest, OrtSessionFactory factory, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Kind != ModelKind.StableDiffusion)
        {
            throw new ArgumentException($"Manifest '{manifest.SourcePath}' is not an SD model set.", nameof(manifest));
        }

        var pipeline = new StableDiffusionPipeline(manifest, factory, logger ?? NullLogger.Instance);
        return pipeline;
    }

    private protected override byte[][] RunGroup(JobGroup group, IProgress<PipelineStep>? progress, CancellationToken cancellationToken)
    {
        var c = Manifest.Constants;
        var batch = group.Jobs.Count;
        var (h, w) = (group.Height / c.VaeDownscale, group.Width / c.VaeDownscale);
        var cfg = ClassifierFreeGuidance.IsEnabled(group.Guidance);

        foreach (var job in group.Jobs)
        {
            Logs.Prompt(Logger, Manifest.Name, job.Prompt);
        }

        var texts = cfg
            ? group.Jobs.Select(j => j.NegativePrompt ?? string.Empty).Concat(group.Jobs.Select(j => j.Prompt)).ToArray()
            : group.Jobs.Select(j => j.Prompt).ToArray();
        var hidden = _text.Encode(texts);

        var schedule = Scheduler.CreateSchedule(group.Steps, 0);
        if (group.IsEdit)
        {
            schedule = schedule.From(Schedulers.Schedule.StartStep(group.Steps, group.Strength));
        }

        var latents = group.IsEdit ? EncodeInitImages(group) : FloatTensor.Zeros(batch, c.LatentChannels, h, w);
        var generators = Generators(group);
        for (var b = 0; b < batch; b++)
        {
            Scheduler.AddNoise(schedule, 0, latents.Item(b), generators[b].Next(latents.ItemLength));
        }

        var scales = Enumerable.Repeat(group.Guidance, batch).ToArray();
        for (var step = 0; step < schedule.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inputScale = Scheduler.ModelInputScale(schedule, step);
            var scaled = new float[latents.Length];
            for (var i = 0; i < scaled.Length; i++)
            {
                scaled[i] = latents.Data[i] * inputScale;
            }

            var sample = new FloatTensor(scaled, latents.Shape);
            if (cfg)
            {
                sample = FloatTensor.ConcatBatch(sample, sample);
            }

            var timestep = new FloatTensor(Enumerable.Repeat(schedule.Timesteps[step], sample.Shape[0]).ToArray(), sample.Shape[0]);
            var output = _unet.Run(
                [new("sample", sample), new("timestep", timestep), new("encoder_hidden_states", hidden)],
                "out_sample")[0];
            var guided = cfg ? ClassifierFreeGuidance.CombineBatch(output.Data, batch, scales) : output.Data;

            for (var b = 0; b < batch; b++)
            {
                var item = latents.ItemLength;
                var stepNoise = Scheduler.UsesStepNoise ? generators[b].Next(item) : [];
                Scheduler.Step(schedule, step, latents.Item(b), guided.AsSpan(b * item, item), stepNoise);
            }

            progress?.Report(new PipelineStep(Manifest.Name, step + 1, schedule.Steps, batch));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var images = _decoder.Decode(latents);
        return Enumerable.Range(0, batch).Select(b => ImageTensors.ToPng(images.Item(b), group.Width, group.Height)).ToArray();
    }

    private FloatTensor EncodeInitImages(JobGroup group)
    {
        var items = group.Jobs.Select(j => ImageTensors.ToSignedTensor(j.InitImage!, group.Width, group.Height)).ToArray();
        var pixels = new FloatTensor(items.SelectMany(i => i).ToArray(), items.Length, 3, group.Height, group.Width);
        return _encoder!.Encode(pixels);
    }
}

using GenAgent.Inference.Guidance;
using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.Tensors;
using GenAgent.Inference.TextEncoders;
using GenAgent.Inference.Tokenizers;
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

    private StableDiffusionPipeline(ModelManifest manifest, OrtSessionFactory factory, ILogger logger)
        : base(manifest, logger)
    {
        var tokenizer = ClipTokenizer.Load(manifest);
        _text = new TextEncoder(LoadComponent(ComponentSchema.TextEncoder, factory), tokenizer.Encode, "last_hidden_state");
        _unet = LoadComponent(ComponentSchema.Unet, factory);
        LoadVae(factory);
    }

    public static StableDiffusionPipeline Load(ModelManifest manifest, OrtSessionFactory factory, ILogger? logger = null)
    {
        ModelManifest.RequireKind(manifest, ModelKind.StableDiffusion);
        return new StableDiffusionPipeline(manifest, factory, logger ?? NullLogger.Instance);
    }

    private protected override byte[][] RunGroup(JobGroup group, IProgress<PipelineStep>? progress, CancellationToken cancellationToken)
    {
        var batch = group.Jobs.Count;
        var cfg = ClassifierFreeGuidance.IsEnabled(group.Guidance);

        var texts = cfg
            ? group.Jobs.Select(j => j.NegativePrompt ?? string.Empty).Concat(group.Jobs.Select(j => j.Prompt)).ToArray()
            : group.Jobs.Select(j => j.Prompt).ToArray();
        var hidden = _text.Encode(texts);

        var steps = group.IsEdit ? Schedulers.Schedule.EditSteps(group.Steps, group.Strength) : group.Steps;
        var schedule = Scheduler.CreateSchedule(steps, 0);
        if (group.IsEdit)
        {
            schedule = schedule.From(Schedulers.Schedule.StartStep(steps, group.Strength));
        }

        var generators = Generators(group);
        var latents = InitialLatents(group, schedule, generators);

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
        return DecodeToPngs(latents, group);
    }
}

using GenAgent.Inference.Images;
using GenAgent.Inference.Latents;
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
/// FLUX.1: CLIP pooled and T5 hidden text embeddings, a transformer over 2x2-packed latents with
/// img_ids/txt_ids positions, flow-matching Euler with the resolution-dependent shift, distilled
/// guidance as an input (no CFG), VAE with scale and shift; image-to-image by strength.
/// </summary>
public sealed class FluxPipeline : DiffusionPipeline
{
    private readonly TextEncoder _clip;
    private readonly TextEncoder _t5;
    private readonly OnnxComponent _transformer;
    private readonly VaeDecoder _decoder;
    private readonly VaeEncoder? _encoder;

    private FluxPipeline(ModelManifest manifest, OrtSessionFactory factory, ILogger logger)
        : base(manifest, logger)
    {
        var c = manifest.Constants;
        var clipTokenizer = ClipTokenizer.Load(manifest.Tokenizers.ClipVocab!, manifest.Tokenizers.ClipMerges!, c.ClipTokenLength, c.ClipPadId);
        var t5Tokenizer = T5Tokenizer.Load(manifest.Tokenizers.T5Model!, c.T5TokenLength);
        _clip = new TextEncoder(Track(OnnxComponent.Load(manifest, ComponentSchema.TextEncoder, factory)), clipTokenizer.Encode, "pooler_output");
        _t5 = new TextEncoder(Track(OnnxComponent.Load(manifest, ComponentSchema.TextEncoder2, factory)), t5Tokenizer.Encode, "last_hidden_state");
        _transformer = Track(OnnxComponent.Load(manifest, ComponentSchema.Transformer, factory));
        _decoder = new VaeDecoder(Track(OnnxComponent.Load(manifest, ComponentSchema.VaeDecoder, factory)), c.VaeScalingFactor, c.VaeShiftFactor);
        if (manifest.OptionalComponent(ComponentSchema.VaeEncoder) is not null)
        {
            _encoder = new VaeEncoder(Track(OnnxComponent.Load(manifest, ComponentSchema.VaeEncoder, factory)), c.VaeScalingFactor, c.VaeShiftFactor);
        }
    }

    public static FluxPipeline Load(ModelManifest manifest, OrtSessionFactory factory, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Kind != ModelKind.Flux)
        {
            throw new ArgumentException($"Manifest '{manifest.SourcePath}' is not a FLUX model set.", nameof(manifest));
        }

        return new FluxPipeline(manifest, factory, logger ?? NullLogger.Instance);
    }

    private protected override byte[][] RunGroup(JobGroup group, IProgress<PipelineStep>? progress, CancellationToken cancellationToken)
    {
        var c = Manifest.Constants;
        var batch = group.Jobs.Count;
        var (h, w) = (group.Height / c.VaeDownscale, group.Width / c.VaeDownscale);
        var channels = c.LatentChannels;
        var patch = c.PatchSize;
        var sequence = FluxLatents.SequenceLength(h, w, patch);
        var tokenWidth = channels * patch * patch;

        foreach (var job in group.Jobs)
        {
            Logs.Prompt(Logger, Manifest.Name, job.Prompt);
        }

        var prompts = group.Jobs.Select(j => j.Prompt).ToArray();
        var pooled = _clip.Encode(prompts);
        var hidden = _t5.Encode(prompts);
        var textLength = hidden.Shape[1];

        var schedule = Scheduler.CreateSchedule(group.Steps, sequence);
        if (group.IsEdit)
        {
            schedule = schedule.From(Schedulers.Schedule.FlowStartStep(group.Steps, group.Strength));
        }

        // Noise is drawn in the unpacked [B, C, h, w] layout (as diffusers does) and packed with the latents.
        var latents = group.IsEdit ? EncodeInitImages(group) : FloatTensor.Zeros(batch, channels, h, w);
        var generators = Generators(group);
        for (var b = 0; b < batch; b++)
        {
            Scheduler.AddNoise(schedule, 0, latents.Item(b), generators[b].Next(latents.ItemLength));
        }

        var packed = new FloatTensor(FluxLatents.Pack(latents.Data, batch, channels, h, w, patch), batch, sequence, tokenWidth);
        var imageIds = new FloatTensor(FluxLatents.ImageIds(h, w, patch), sequence, 3);
        var textIds = new FloatTensor(FluxLatents.TextIds(textLength), textLength, 3);
        var guidance = new FloatTensor(Enumerable.Repeat(group.Guidance, batch).ToArray(), batch);

        for (var step = 0; step < schedule.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var timestep = new FloatTensor(Enumerable.Repeat(schedule.Timesteps[step], batch).ToArray(), batch);
            List<KeyValuePair<string, object>> inputs =
            [
                new("hidden_states", packed), new("encoder_hidden_states", hidden), new("pooled_projections", pooled),
                new("timestep", timestep), new("img_ids", imageIds), new("txt_ids", textIds),
            ];
            if (_transformer.HasInput("guidance"))
            {
                inputs.Add(new("guidance", guidance));
            }

            var velocity = _transformer.Run(inputs, "sample")[0];
            for (var b = 0; b < batch; b++)
            {
                var item = packed.ItemLength;
                Scheduler.Step(schedule, step, packed.Item(b), velocity.Data.AsSpan(b * item, item), []);
            }

            progress?.Report(new PipelineStep(Manifest.Name, step + 1, schedule.Steps, batch));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var unpacked = new FloatTensor(FluxLatents.Unpack(packed.Data, batch, channels, h, w, patch), batch, channels, h, w);
        var images = _decoder.Decode(unpacked);
        return Enumerable.Range(0, batch).Select(b => ImageTensors.ToPng(images.Item(b), group.Width, group.Height)).ToArray();
    }

    private FloatTensor EncodeInitImages(JobGroup group)
    {
        var items = group.Jobs.Select(j => ImageTensors.ToSignedTensor(j.InitImage!, group.Width, group.Height)).ToArray();
        var pixels = new FloatTensor(items.SelectMany(i => i).ToArray(), items.Length, 3, group.Height, group.Width);
        return _encoder!.Encode(pixels);
    }
}

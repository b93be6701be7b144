using GenAgent.Inference.Latents;
using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.Tensors;
using GenAgent.Inference.TextEncoders;
using GenAgent.Inference.Tokenizers;
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

    private FluxPipeline(ModelManifest manifest, OrtSessionFactory factory, ILogger logger)
        : base(manifest, logger)
    {
        var clipTokenizer = ClipTokenizer.Load(manifest);
        var t5Tokenizer = T5Tokenizer.Load(manifest.Tokenizers.T5Model!, manifest.Constants.T5TokenLength);
        _clip = new TextEncoder(LoadComponent(ComponentSchema.TextEncoder, factory), clipTokenizer.Encode, "pooler_output");
        _t5 = new TextEncoder(LoadComponent(ComponentSchema.TextEncoder2, factory), t5Tokenizer.Encode, "last_hidden_state");
        _transformer = LoadComponent(ComponentSchema.Transformer, factory);
        LoadVae(factory);
    }

    public static FluxPipeline Load(ModelManifest manifest, OrtSessionFactory factory, ILogger? logger = null)
    {
        ModelManifest.RequireKind(manifest, ModelKind.Flux);
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
        var latents = InitialLatents(group, schedule, Generators(group));

        var packed = new FloatTensor(FluxLatents.Pack(latents.Data, batch, channels, h, w, patch), batch, sequence, tokenWidth);
        var imageIds = new FloatTensor(FluxLatents.ImageIds(h, w, patch), sequence, 3);
        var textIds = new FloatTensor(FluxLatents.TextIds(textLength), textLength, 3);
        var guidance = _transformer.HasInput("guidance") ? new FloatTensor(Enumerable.Repeat(group.Guidance, batch).ToArray(), batch) : null;

        for (var step = 0; step < schedule.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var timestep = new FloatTensor(Enumerable.Repeat(schedule.Timesteps[step], batch).ToArray(), batch);
            List<KeyValuePair<string, object>> inputs =
            [
                new("hidden_states", packed), new("encoder_hidden_states", hidden), new("pooled_projections", pooled),
                new("timestep", timestep), new("img_ids", imageIds), new("txt_ids", textIds),
            ];
            if (guidance is not null)
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
        return DecodeToPngs(unpacked, group);
    }
}

namespace GenAgent.Inference.Models;

/// <summary>Numbers a pipeline needs that an ONNX file does not carry. Defaults are SD 2.x / SD-Turbo's.</summary>
public sealed record ModelConstants
{
    public int LatentChannels { get; init; } = 4;

    /// <summary>Pixels per latent cell (the VAE's downscale factor).</summary>
    public int VaeDownscale { get; init; } = 8;

    public float VaeScalingFactor { get; init; } = 0.18215f;

    public float VaeShiftFactor { get; init; }

    public int ClipTokenLength { get; init; } = 77;

    /// <summary>
    /// Id that pads CLIP rows after the EOS; null pads with the EOS itself (OpenAI CLIP, FLUX's CLIP-L).
    /// SD 2.x and SD-Turbo tokenizers pad with "!" (id 0).
    /// </summary>
    public int? ClipPadId { get; init; }

    public int T5TokenLength { get; init; } = 512;

    /// <summary>FLUX packs latents into PatchSize x PatchSize patches.</summary>
    public int PatchSize { get; init; } = 2;

    public int DefaultWidth { get; init; } = 512;

    public int DefaultHeight { get; init; } = 512;

    public int SizeMultiple { get; init; } = 64;

    public int MaxWidth { get; init; } = 1024;

    public int MaxHeight { get; init; } = 1024;

    public int MaxBatch { get; init; } = 4;

    public int DefaultSteps { get; init; } = 4;

    public float DefaultGuidance { get; init; }

    /// <summary>"euler", "euler-ancestral" or "flow-match-euler".</summary>
    public string Scheduler { get; init; } = "euler";

    public bool SupportsEdit { get; init; }

    /// <summary>"epsilon" or "v_prediction" (SD only).</summary>
    public string PredictionType { get; init; } = "epsilon";

    public int TrainTimesteps { get; init; } = 1000;

    public double BetaStart { get; init; } = 0.00085;

    public double BetaEnd { get; init; } = 0.012;

    /// <summary>FLUX resolution-dependent shift: mu goes linearly from BaseShift at BaseImageSeqLen to MaxShift at MaxImageSeqLen.</summary>
    public double BaseShift { get; init; } = 0.5;

    public double MaxShift { get; init; } = 1.15;

    public int BaseImageSeqLen { get; init; } = 256;

    public int MaxImageSeqLen { get; init; } = 4096;

    /// <summary>False for FLUX.1-schnell (no shift).</summary>
    public bool DynamicShift { get; init; } = true;
}

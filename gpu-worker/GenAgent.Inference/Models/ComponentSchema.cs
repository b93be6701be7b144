namespace GenAgent.Inference.Models;

/// <summary>The component and tensor roles each kind of pipeline uses, with the ranks it relies on.</summary>
internal static class ComponentSchema
{
    public const string TextEncoder = "text_encoder";
    public const string TextEncoder2 = "text_encoder_2";
    public const string Unet = "unet";
    public const string Transformer = "transformer";
    public const string VaeDecoder = "vae_decoder";
    public const string VaeEncoder = "vae_encoder";
    public const string VisionEncoder = "vision_encoder";

    public static IReadOnlyList<ComponentRole> For(ModelKind kind) => kind switch
    {
        ModelKind.StableDiffusion =>
        [
            new(TextEncoder, true, [Int("input_ids", 2)], [Float("last_hidden_state", 3)]),
            new(Unet, true, [Float("sample", 4), Any("timestep", 0, 1), Float("encoder_hidden_states", 3)], [Float("out_sample", 4)]),
            VaeDecoderRole,
            VaeEncoderRole,
        ],
        ModelKind.Flux =>
        [
            new(TextEncoder, true, [Int("input_ids", 2)], [Float("pooler_output", 2)]),
            new(TextEncoder2, true, [Int("input_ids", 2)], [Float("last_hidden_state", 3)]),
            new(
                Transformer,
                true,
                [
                    Float("hidden_states", 3), Float("encoder_hidden_states", 3), Float("pooled_projections", 2),
                    Any("timestep", 0, 1), Float("img_ids", 2, 3), Float("txt_ids", 2, 3), Any("guidance", 0, 1) with { Required = false },
                ],
                [Float("sample", 3)]),
            VaeDecoderRole,
            VaeEncoderRole,
        ],
        ModelKind.Clip =>
        [
            new(TextEncoder, true, [Int("input_ids", 2)], [Float("text_embeds", 2)]),
            new(VisionEncoder, true, [Float("pixel_values", 4)], [Float("image_embeds", 2)]),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
    };

    private static ComponentRole VaeDecoderRole => new(VaeDecoder, true, [Float("latent_sample", 4)], [Float("sample", 4)]);

    public const string LatentSample = "latent_sample";

    /// <summary>optimum's current exports give the distribution (mean then log-variance, 2C channels) instead of a sample.</summary>
    public const string LatentParameters = "latent_parameters";

    private static ComponentRole VaeEncoderRole => new(
        VaeEncoder,
        false,
        [Float("sample", 4)],
        [Float(LatentSample, 4) with { Alternative = LatentParameters }, Float(LatentParameters, 4) with { Required = false }]);

    private static TensorRole Float(string role, params int[] ranks) => new(role, TensorClass.Float, ranks);

    private static TensorRole Int(string role, params int[] ranks) => new(role, TensorClass.Integer, ranks);

    private static TensorRole Any(string role, params int[] ranks) => new(role, TensorClass.Number, ranks);
}

internal sealed record ComponentRole(string Name, bool Required, IReadOnlyList<TensorRole> Inputs, IReadOnlyList<TensorRole> Outputs);

/// <summary>A tensor the pipeline feeds or reads; <see cref="Ranks"/> lists the ranks it can handle.</summary>
internal sealed record TensorRole(string Role, TensorClass Class, IReadOnlyList<int> Ranks)
{
    public bool Required { get; init; } = true;

    /// <summary>Another role an export may give instead of this one; a manifest that maps it needs none of this.</summary>
    public string? Alternative { get; init; }
}

internal enum TensorClass
{
    /// <summary>fp32 or fp16, as the manifest's dtype says.</summary>
    Float,

    /// <summary>int32 or int64 (token ids).</summary>
    Integer,

    /// <summary>Any of the above (timesteps, guidance).</summary>
    Number,
}

namespace GenAgent.Inference.Schedulers;

/// <summary>The sigma-parameterised (variance-exploding) forms shared by the Euler schedulers.</summary>
internal static class EpsilonMath
{
    /// <summary>The model's estimate of the clean sample (diffusers' pred_original_sample).</summary>
    public static float Denoised(PredictionType prediction, float sample, float output, float sigma) => prediction switch
    {
        PredictionType.Epsilon => sample - (sigma * output),
        PredictionType.VPrediction => (output * (-sigma / MathF.Sqrt((sigma * sigma) + 1))) + (sample / ((sigma * sigma) + 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(prediction), prediction, "Unknown prediction type."),
    };

    public static void AddNoise(float sigma, Span<float> latents, ReadOnlySpan<float> noise)
    {
        for (var i = 0; i < latents.Length; i++)
        {
            latents[i] += noise[i] * sigma;
        }
    }
}

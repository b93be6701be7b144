using GenAgent.GpuWorker.Configuration;

namespace GenAgent.GpuWorker.Api;

/// <summary>The checks on image counts and edit strength that every image endpoint applies, with one wording for each refusal.</summary>
internal static class JobChecks
{
    /// <summary>Image-to-image strength when the request names none.</summary>
    public const float DefaultStrength = 0.6f;

    public static int Count(int n, WorkerOptions options) =>
        n < 1 || n > options.MaxImagesPerRequest
            ? throw new InvalidRequestException($"n must be between 1 and {options.MaxImagesPerRequest} (Worker:MaxImagesPerRequest); got {n}.", "n", "invalid_n")
            : n;

    public static float Strength(float? requested)
    {
        var strength = requested ?? DefaultStrength;
        return strength is > 0f and <= 1f
            ? strength
            : throw new InvalidRequestException($"strength must be in (0, 1]; got {strength}.", "strength", "invalid_strength");
    }

    /// <summary>Denoising steps a request may ask for: more than any scheduler here uses well, far fewer than a GPU-hour.</summary>
    public const int MaxSteps = 150;

    /// <summary>Classifier-free guidance a request may ask for; real models use 1-15.</summary>
    public const float MaxGuidance = 30f;

    /// <summary>Steps checked at the edge, before batching: a bad value is this client's 400, never its batch-mates' 500.</summary>
    public static int? Steps(int? steps, string field = "steps") =>
        steps is null or (>= 1 and <= MaxSteps)
            ? steps
            : throw new InvalidRequestException($"{field} must be between 1 and {MaxSteps}; got {steps}.", field, "invalid_steps");

    public static float? Guidance(float? guidance, string field = "guidance_scale") =>
        guidance is null || (float.IsFinite(guidance.Value) && guidance.Value is >= 0f and <= MaxGuidance)
            ? guidance
            : throw new InvalidRequestException($"{field} must be between 0 and {MaxGuidance}; got {guidance}.", field, "invalid_guidance_scale");
}

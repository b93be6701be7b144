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
}

namespace GenAgent.Inference.Schedulers;

/// <summary>
/// The plan of one run: <see cref="Timesteps"/>[i] is the value fed to the model's timestep input at
/// step i, <see cref="Sigmas"/> has one more entry than steps and ends at 0.
/// </summary>
public sealed record Schedule(IReadOnlyList<float> Timesteps, IReadOnlyList<float> Sigmas)
{
    public int Steps => Timesteps.Count;

    /// <summary>The tail from <paramref name="start"/>: image-to-image skips the noisiest steps.</summary>
    public Schedule From(int start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, Steps);
        return new Schedule(Timesteps.Skip(start).ToArray(), Sigmas.Skip(start).ToArray());
    }

    /// <summary>
    /// First step of image-to-image, as diffusers' StableDiffusionImg2ImgPipeline computes it:
    /// init = min(floor(steps * strength), steps); start = steps - init; at least one step always runs.
    /// </summary>
    public static int StartStep(int steps, float strength)
    {
        CheckStrength(steps, strength);
        var init = Math.Min((int)(steps * (double)strength), steps);
        return Math.Min(steps - init, steps - 1);
    }

    /// <summary>
    /// First step of image-to-image, as diffusers' FluxImg2ImgPipeline computes it (the product is not
    /// floored first): start = floor(max(steps - steps * strength, 0)); at least one step always runs.
    /// </summary>
    public static int FlowStartStep(int steps, float strength)
    {
        CheckStrength(steps, strength);
        var start = (int)Math.Max(steps - (steps * (double)strength), 0);
        return Math.Min(start, steps - 1);
    }

    private static void CheckStrength(int steps, float strength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (strength is <= 0 or > 1 || float.IsNaN(strength))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "Strength must be in (0, 1].");
        }
    }
}

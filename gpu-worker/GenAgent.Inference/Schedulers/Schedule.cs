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
        var init = Math.Min(Floor(steps * (double)strength), steps);
        return Math.Min(steps - init, steps - 1);
    }

    /// <summary>
    /// The step count an SD edit runs with. Where <c>floor(steps x strength)</c> is 0 (SD-Turbo's single step at
    /// strength 0.6) diffusers runs no denoising step and hands the input back, while clamping to one step would denoise
    /// from pure noise and ignore the input; raising the count to <c>ceil(1 / strength)</c> runs one step at the noise
    /// level the strength asks for instead.
    /// </summary>
    public static int EditSteps(int steps, float strength)
    {
        CheckStrength(steps, strength);
        return Floor(steps * (double)strength) >= 1 ? steps : (int)Math.Ceiling(Math.Round(1 / (double)strength, 6));
    }

    /// <summary>
    /// First step of image-to-image, as diffusers' FluxImg2ImgPipeline computes it (the product is not
    /// floored first): start = floor(max(steps - steps * strength, 0)); at least one step always runs.
    /// </summary>
    public static int FlowStartStep(int steps, float strength)
    {
        CheckStrength(steps, strength);
        var start = Floor(Math.Max(steps - (steps * (double)strength), 0));
        return Math.Min(start, steps - 1);
    }

    /// <summary>
    /// Floors after rounding to 1e-6: a float strength widened to double is off in its last bits (0.7f is 0.69999998...),
    /// and 10 x 0.7 must give 7, as Python's float arithmetic on the same value does.
    /// </summary>
    private static int Floor(double value) => (int)Math.Floor(Math.Round(value, 6));

    private static void CheckStrength(int steps, float strength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (strength is <= 0 or > 1 || float.IsNaN(strength))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "Strength must be in (0, 1].");
        }
    }
}

namespace GenAgent.Inference.Schedulers;

/// <summary>
/// Flow-matching Euler (diffusers' FlowMatchEulerDiscreteScheduler as FluxPipeline drives it):
/// sigmas = linspace(1, 1/N, N), shifted by sigma' = e^mu / (e^mu + 1/sigma - 1) with mu interpolated
/// linearly over the packed sequence length, then 0; x += (sigma_next - sigma) * v; the timestep input is sigma'.
/// </summary>
public sealed class FlowMatchEulerScheduler : IScheduler
{
    public FlowMatchEulerScheduler(bool dynamicShift = true, double baseShift = 0.5, double maxShift = 1.15, int baseSequenceLength = 256, int maxSequenceLength = 4096)
    {
        DynamicShift = dynamicShift;
        BaseShift = baseShift;
        MaxShift = maxShift;
        BaseSequenceLength = baseSequenceLength;
        MaxSequenceLength = maxSequenceLength;
    }

    public SchedulerKind Kind => SchedulerKind.FlowMatchEuler;

    public bool UsesStepNoise => false;

    public bool DynamicShift { get; }

    public double BaseShift { get; }

    public double MaxShift { get; }

    public int BaseSequenceLength { get; }

    public int MaxSequenceLength { get; }

    /// <summary>diffusers' calculate_shift: a line through (base_seq_len, base_shift) and (max_seq_len, max_shift).</summary>
    public double Mu(int imageSequenceLength)
    {
        var slope = (MaxShift - BaseShift) / (MaxSequenceLength - BaseSequenceLength);
        return (slope * imageSequenceLength) + (BaseShift - (slope * BaseSequenceLength));
    }

    public static double Shift(double mu, double sigma) => Math.Exp(mu) / (Math.Exp(mu) + ((1 / sigma) - 1));

    public Schedule CreateSchedule(int steps, int imageSequenceLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var mu = Mu(imageSequenceLength);
        var sigmas = new float[steps + 1];
        for (var i = 0; i < steps; i++)
        {
            var sigma = steps == 1 ? 1.0 : 1.0 + ((((1.0 / steps) - 1.0) * i) / (steps - 1));
            sigmas[i] = (float)(DynamicShift ? Shift(mu, sigma) : sigma);
        }

        return new Schedule(sigmas.Take(steps).ToArray(), sigmas);
    }

    public float ModelInputScale(Schedule schedule, int step) => 1f;

    /// <summary>diffusers' scale_noise: sigma * noise + (1 - sigma) * sample.</summary>
    public void AddNoise(Schedule schedule, int step, Span<float> latents, ReadOnlySpan<float> noise)
    {
        var sigma = schedule.Sigmas[step];
        for (var i = 0; i < latents.Length; i++)
        {
            latents[i] = (sigma * noise[i]) + ((1 - sigma) * latents[i]);
        }
    }

    public void Step(Schedule schedule, int step, Span<float> sample, ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> stepNoise)
    {
        var dt = schedule.Sigmas[step + 1] - schedule.Sigmas[step];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] += dt * modelOutput[i];
        }
    }
}

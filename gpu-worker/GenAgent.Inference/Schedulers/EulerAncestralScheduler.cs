namespace GenAgent.Inference.Schedulers;

/// <summary>
/// Euler-ancestral sampling (k-diffusion sample_euler_ancestral, eta 1), as diffusers'
/// EulerAncestralDiscreteScheduler with trailing spacing: step to sigma_down, then add sigma_up of fresh noise.
/// </summary>
public sealed class EulerAncestralScheduler(int trainTimesteps = 1000, double betaStart = 0.00085, double betaEnd = 0.012, PredictionType prediction = PredictionType.Epsilon)
    : DiscreteEulerScheduler(trainTimesteps, betaStart, betaEnd, prediction)
{
    public override SchedulerKind Kind => SchedulerKind.EulerAncestral;

    public override bool UsesStepNoise => true;

    /// <summary>(sigma_down, sigma_up) for a step from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static (float Down, float Up) AncestralSigmas(float from, float to)
    {
        var up = MathF.Sqrt(to * to * ((from * from) - (to * to)) / (from * from));
        var down = MathF.Sqrt((to * to) - (up * up));
        return (down, up);
    }

    public override void Step(Schedule schedule, int step, Span<float> sample, ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> stepNoise)
    {
        var sigma = schedule.Sigmas[step];
        var (down, up) = AncestralSigmas(sigma, schedule.Sigmas[step + 1]);
        var dt = down - sigma;
        if (up > 0 && stepNoise.Length < sample.Length)
        {
            throw new ArgumentException("Euler-ancestral needs one noise value per latent value.", nameof(stepNoise));
        }

        for (var i = 0; i < sample.Length; i++)
        {
            var denoised = Denoised(Prediction, sample[i], modelOutput[i], sigma);
            sample[i] += ((sample[i] - denoised) / sigma * dt) + (up > 0 ? stepNoise[i] * up : 0);
        }
    }
}

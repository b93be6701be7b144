namespace GenAgent.Inference.Schedulers;

/// <summary>Euler sampling (Karras et al. 2022, Alg. 2 with no churn), as diffusers' EulerDiscreteScheduler with trailing spacing.</summary>
public sealed class EulerScheduler(int trainTimesteps = 1000, double betaStart = 0.00085, double betaEnd = 0.012, PredictionType prediction = PredictionType.Epsilon)
    : DiscreteEulerScheduler(trainTimesteps, betaStart, betaEnd, prediction)
{
    public override SchedulerKind Kind => SchedulerKind.Euler;

    public override bool UsesStepNoise => false;

    public override void Step(Schedule schedule, int step, Span<float> sample, ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> stepNoise)
    {
        var sigma = schedule.Sigmas[step];
        var dt = schedule.Sigmas[step + 1] - sigma;
        for (var i = 0; i < sample.Length; i++)
        {
            var denoised = Denoised(Prediction, sample[i], modelOutput[i], sigma);
            sample[i] += (sample[i] - denoised) / sigma * dt;
        }
    }
}

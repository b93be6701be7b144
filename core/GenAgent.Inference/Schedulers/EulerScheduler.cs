namespace GenAgent.Inference.Schedulers;

/// <summary>Euler sampling (Karras et al. 2022, Alg. 2 with no churn), as diffusers' EulerDiscreteScheduler with trailing spacing.</summary>
public sealed class EulerScheduler : IScheduler
{
    private readonly double[] _table;
    private readonly int _trainTimesteps;

    public EulerScheduler(int trainTimesteps = 1000, double betaStart = 0.00085, double betaEnd = 0.012, PredictionType prediction = PredictionType.Epsilon)
    {
        _trainTimesteps = trainTimesteps;
        _table = DiscreteSigmas.Table(trainTimesteps, betaStart, betaEnd);
        Prediction = prediction;
    }

    public SchedulerKind Kind => SchedulerKind.Euler;

    public bool UsesStepNoise => false;

    public PredictionType Prediction { get; }

    public Schedule CreateSchedule(int steps, int imageSequenceLength) => DiscreteSigmas.Trailing(steps, _trainTimesteps, _table);

    public float ModelInputScale(Schedule schedule, int step)
    {
        var sigma = schedule.Sigmas[step];
        return 1f / MathF.Sqrt((sigma * sigma) + 1);
    }

    public void AddNoise(Schedule schedule, int step, Span<float> latents, ReadOnlySpan<float> noise) =>
        EpsilonMath.AddNoise(schedule.Sigmas[step], latents, noise);

    public void Step(Schedule schedule, int step, Span<float> sample, ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> stepNoise)
    {
        var sigma = schedule.Sigmas[step];
        var dt = schedule.Sigmas[step + 1] - sigma;
        for (var i = 0; i < sample.Length; i++)
        {
            var denoised = EpsilonMath.Denoised(Prediction, sample[i], modelOutput[i], sigma);
            sample[i] += (sample[i] - denoised) / sigma * dt;
        }
    }
}

namespace GenAgent.Inference.Schedulers;

/// <summary>
/// The Euler schedulers over SD's discrete noise table: they share the table, the trailing schedule and the
/// sigma-parameterised (variance-exploding) forms, and differ only in how a step moves the sample.
/// </summary>
public abstract class DiscreteEulerScheduler : IScheduler
{
    private readonly double[] _table;
    private readonly int _trainTimesteps;

    // Private protected: the family is closed to this assembly; callers pick a sealed member.
    private protected DiscreteEulerScheduler(int trainTimesteps, double betaStart, double betaEnd, PredictionType prediction)
    {
        _trainTimesteps = trainTimesteps;
        _table = DiscreteSigmas.Table(trainTimesteps, betaStart, betaEnd);
        Prediction = prediction;
    }

    public abstract SchedulerKind Kind { get; }

    public abstract bool UsesStepNoise { get; }

    public PredictionType Prediction { get; }

    public Schedule CreateSchedule(int steps, int imageSequenceLength) => DiscreteSigmas.Trailing(steps, _trainTimesteps, _table);

    public float ModelInputScale(Schedule schedule, int step)
    {
        var sigma = schedule.Sigmas[step];
        return 1f / MathF.Sqrt((sigma * sigma) + 1);
    }

    public void AddNoise(Schedule schedule, int step, Span<float> latents, ReadOnlySpan<float> noise)
    {
        var sigma = schedule.Sigmas[step];
        for (var i = 0; i < latents.Length; i++)
        {
            latents[i] += noise[i] * sigma;
        }
    }

    public abstract void Step(Schedule schedule, int step, Span<float> sample, ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> stepNoise);

    /// <summary>The model's estimate of the clean sample (diffusers' pred_original_sample).</summary>
    private protected static float Denoised(PredictionType prediction, float sample, float output, float sigma) => prediction switch
    {
        PredictionType.Epsilon => sample - (sigma * output),
        PredictionType.VPrediction => (output * (-sigma / MathF.Sqrt((sigma * sigma) + 1))) + (sample / ((sigma * sigma) + 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(prediction), prediction, "Unknown prediction type."),
    };
}

namespace GenAgent.Inference.Schedulers;

/// <summary>A denoising scheduler: pure math over flat latent spans of one batch item.</summary>
public interface IScheduler
{
    SchedulerKind Kind { get; }

    /// <summary>True when <see cref="Step"/> consumes fresh Gaussian noise (ancestral sampling).</summary>
    bool UsesStepNoise { get; }

    /// <param name="steps">Number of inference steps.</param>
    /// <param name="imageSequenceLength">Packed image tokens (FLUX's resolution-dependent shift); ignored by SD schedulers.</param>
    Schedule CreateSchedule(int steps, int imageSequenceLength);

    /// <summary>Factor applied to the latents before they are fed to the model at <paramref name="step"/>.</summary>
    float ModelInputScale(Schedule schedule, int step);

    /// <summary>Noises clean latents to the level of <paramref name="step"/>, in place (txt2img starts from zeros).</summary>
    void AddNoise(Schedule schedule, int step, Span<float> latents, ReadOnlySpan<float> noise);

    /// <summary>Advances <paramref name="sample"/> in place from step to step+1 given the model output.</summary>
    void Step(Schedule schedule, int step, Span<float> sample, ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> stepNoise);
}

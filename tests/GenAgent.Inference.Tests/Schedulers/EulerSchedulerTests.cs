using GenAgent.Inference.Schedulers;

namespace GenAgent.Inference.Tests.Schedulers;

/// <summary>Reference values: SD's scaled_linear betas (0.00085..0.012, 1000 steps), sigma = sqrt((1 - acp) / acp), computed independently in double precision.</summary>
public sealed class EulerSchedulerTests
{
    internal const float Sigma999 = 14.614641f;
    internal const float Sigma749 = 4.0817294f;
    internal const float Sigma499 = 1.6128862f;
    internal const float Sigma249 = 0.6932049f;

    [Fact]
    public void Trailing_spacing_with_four_steps()
    {
        var schedule = new EulerScheduler().CreateSchedule(4, 0);

        Assert.Equal([999f, 749f, 499f, 249f], schedule.Timesteps);
        AssertClose([Sigma999, Sigma749, Sigma499, Sigma249, 0f], schedule.Sigmas);
    }

    [Fact]
    public void Trailing_spacing_with_one_and_two_steps()
    {
        var one = new EulerScheduler().CreateSchedule(1, 0);
        var two = new EulerScheduler().CreateSchedule(2, 0);

        Assert.Equal([999f], one.Timesteps);
        AssertClose([Sigma999, 0f], one.Sigmas);
        Assert.Equal([999f, 499f], two.Timesteps);
        AssertClose([Sigma999, Sigma499, 0f], two.Sigmas);
    }

    [Fact]
    public void Model_input_is_scaled_by_one_over_sqrt_sigma_squared_plus_one()
    {
        var scheduler = new EulerScheduler();

        Assert.Equal(0.06826491f, scheduler.ModelInputScale(scheduler.CreateSchedule(4, 0), 0), 6);
    }

    [Fact]
    public void One_step_moves_along_the_epsilon_derivative()
    {
        var scheduler = new EulerScheduler();
        var schedule = scheduler.CreateSchedule(4, 0);
        float[] sample = [1f];

        scheduler.Step(schedule, 0, sample, [0.5f], []);

        // denoised = 1 - 14.6146 * 0.5; derivative = (1 - denoised) / sigma = 0.5; x = 1 + 0.5 * (4.0817 - 14.6146).
        Assert.Equal(-4.2664559f, sample[0], 4);
    }

    [Fact]
    public void Last_step_lands_on_the_denoised_estimate()
    {
        var scheduler = new EulerScheduler();
        var schedule = scheduler.CreateSchedule(4, 0);
        float[] sample = [2f];

        scheduler.Step(schedule, 3, sample, [0.25f], []);

        Assert.Equal(2f - (Sigma249 * 0.25f), sample[0], 5);
    }

    [Fact]
    public void Add_noise_scales_the_noise_by_sigma()
    {
        var scheduler = new EulerScheduler();
        float[] latents = [1f, -1f];

        scheduler.AddNoise(scheduler.CreateSchedule(2, 0), 1, latents, [1f, 2f]);

        AssertClose([1f + Sigma499, -1f + (2 * Sigma499)], latents);
    }

    [Fact]
    public void V_prediction_denoises_with_the_v_formula()
    {
        var scheduler = new EulerScheduler(prediction: PredictionType.VPrediction);
        var schedule = scheduler.CreateSchedule(1, 0);
        float[] sample = [1f];

        scheduler.Step(schedule, 0, sample, [0.5f], []);

        // denoised = v * (-s / sqrt(s^2 + 1)) + x / (s^2 + 1); the single step ends on it.
        var s = Sigma999;
        Assert.Equal((0.5f * (-s / MathF.Sqrt((s * s) + 1))) + (1f / ((s * s) + 1)), sample[0], 5);
    }

    internal static void AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, float tolerance = 1e-5f)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(MathF.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1f, MathF.Abs(expected[i])), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}

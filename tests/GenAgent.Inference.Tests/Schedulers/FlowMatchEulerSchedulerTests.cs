using GenAgent.Inference.Schedulers;

namespace GenAgent.Inference.Tests.Schedulers;

/// <summary>Reference: sigmas linspace(1, 1/N, N), mu = 0.5 + (seq - 256) * 0.65 / 3840, sigma' = e^mu / (e^mu + 1/sigma - 1).</summary>
public sealed class FlowMatchEulerSchedulerTests
{
    [Theory]
    [InlineData(256, 0.5)]
    [InlineData(4096, 1.15)]
    [InlineData(1024, 0.63)]
    [InlineData(16, 0.459375)]
    public void Mu_is_linear_in_the_sequence_length(int sequence, double mu)
    {
        Assert.Equal(mu, new FlowMatchEulerScheduler().Mu(sequence), 9);
    }

    [Fact]
    public void Shifted_sigmas_at_1024x1024()
    {
        var schedule = new FlowMatchEulerScheduler().CreateSchedule(4, 4096);

        EulerSchedulerTests.AssertClose([1f, 0.90453077f, 0.75951092f, 0.51284410f, 0f], schedule.Sigmas);
        Assert.Equal(schedule.Sigmas.Take(4), schedule.Timesteps);
    }

    [Fact]
    public void Shifted_sigmas_at_the_base_sequence_length()
    {
        var schedule = new FlowMatchEulerScheduler().CreateSchedule(4, 256);

        EulerSchedulerTests.AssertClose([1f, 0.83182434f, 0.62245933f, 0.35466124f, 0f], schedule.Sigmas);
    }

    [Fact]
    public void Without_dynamic_shift_the_sigmas_are_the_plain_linspace()
    {
        var schedule = new FlowMatchEulerScheduler(dynamicShift: false).CreateSchedule(4, 4096);

        EulerSchedulerTests.AssertClose([1f, 0.75f, 0.5f, 0.25f, 0f], schedule.Sigmas);
    }

    [Fact]
    public void One_step_adds_dt_times_velocity()
    {
        var scheduler = new FlowMatchEulerScheduler(dynamicShift: false);
        var schedule = scheduler.CreateSchedule(4, 0);
        float[] sample = [1f, 2f];

        scheduler.Step(schedule, 1, sample, [2f, -4f], []);

        // dt = 0.5 - 0.75.
        EulerSchedulerTests.AssertClose([0.5f, 3f], sample);
    }

    [Fact]
    public void Add_noise_interpolates_between_sample_and_noise()
    {
        var scheduler = new FlowMatchEulerScheduler(dynamicShift: false);
        float[] latents = [2f];

        scheduler.AddNoise(scheduler.CreateSchedule(4, 0), 2, latents, [-1f]);

        Assert.Equal((0.5f * -1f) + (0.5f * 2f), latents[0], 6);
        Assert.Equal(1f, scheduler.ModelInputScale(scheduler.CreateSchedule(4, 0), 0));
    }
}

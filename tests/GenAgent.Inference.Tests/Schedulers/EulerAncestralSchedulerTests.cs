using GenAgent.Inference.Schedulers;

namespace GenAgent.Inference.Tests.Schedulers;

public sealed class EulerAncestralSchedulerTests
{
    [Fact]
    public void Same_trailing_schedule_as_euler()
    {
        var schedule = new EulerAncestralScheduler().CreateSchedule(4, 0);

        Assert.Equal([999f, 749f, 499f, 249f], schedule.Timesteps);
        Assert.True(new EulerAncestralScheduler().UsesStepNoise);
    }

    [Fact]
    public void Ancestral_sigmas_split_the_next_sigma()
    {
        var (down, up) = EulerAncestralScheduler.AncestralSigmas(EulerSchedulerTests.Sigma999, EulerSchedulerTests.Sigma749);

        // up = sqrt(s1^2 (s0^2 - s1^2) / s0^2), down = sqrt(s1^2 - up^2).
        Assert.Equal(3.9193038f, up, 4);
        Assert.Equal(1.1399879f, down, 4);
        Assert.Equal(EulerSchedulerTests.Sigma749 * EulerSchedulerTests.Sigma749, (down * down) + (up * up), 3);
    }

    [Fact]
    public void One_step_moves_to_sigma_down_and_adds_sigma_up_noise()
    {
        var scheduler = new EulerAncestralScheduler();
        var schedule = scheduler.CreateSchedule(4, 0);
        float[] sample = [1f];

        scheduler.Step(schedule, 0, sample, [0.5f], [0.25f]);

        // x = 1 + 0.5 * (1.13999 - 14.61464) + 0.25 * 3.91930.
        Assert.Equal(-4.7575007f, sample[0], 4);
    }

    [Fact]
    public void Last_step_adds_no_noise()
    {
        var scheduler = new EulerAncestralScheduler();
        var schedule = scheduler.CreateSchedule(1, 0);
        float[] sample = [3f];

        scheduler.Step(schedule, 0, sample, [0.1f], [100f]);

        Assert.Equal(3f - (EulerSchedulerTests.Sigma999 * 0.1f), sample[0], 4);
    }
}

using GenAgent.Inference.Models;
using GenAgent.Inference.Schedulers;

namespace GenAgent.Inference.Tests.Schedulers;

public sealed class ScheduleTests
{
    [Theory]
    [InlineData(4, 1.0f, 0)]
    [InlineData(4, 0.5f, 2)]
    [InlineData(4, 0.6f, 2)]
    [InlineData(4, 0.75f, 1)]
    [InlineData(4, 0.1f, 3)]
    [InlineData(2, 0.5f, 1)]
    [InlineData(10, 0.7f, 3)]
    [InlineData(20, 0.15f, 17)]
    public void Image_to_image_start_step_follows_diffusers(int steps, float strength, int start)
    {
        Assert.Equal(start, Schedule.StartStep(steps, strength));
    }

    [Theory]
    [InlineData(4, 1.0f, 0)]
    [InlineData(4, 0.6f, 1)]
    [InlineData(4, 0.5f, 2)]
    [InlineData(4, 0.1f, 3)]
    [InlineData(10, 0.35f, 6)]
    [InlineData(10, 0.3f, 7)]
    public void Flux_image_to_image_start_step_does_not_floor_the_product(int steps, float strength, int start)
    {
        // FluxImg2ImgPipeline: t_start = int(max(steps - steps * strength, 0)); 4 x 0.6 starts at 1, where SD starts at 2.
        Assert.Equal(start, Schedule.FlowStartStep(steps, strength));
    }

    [Theory]
    [InlineData(1, 0.6f, 2)]
    [InlineData(1, 0.2f, 5)]
    [InlineData(1, 1.0f, 1)]
    [InlineData(4, 0.6f, 4)]
    [InlineData(2, 0.3f, 4)]
    public void An_edit_whose_steps_times_strength_floors_to_zero_runs_more_steps_instead_of_ignoring_the_input(int steps, float strength, int editSteps)
    {
        Assert.Equal(editSteps, Schedule.EditSteps(steps, strength));
        // At least one denoising step starts below pure noise: the input shapes the result.
        var start = Schedule.StartStep(editSteps, strength);
        Assert.True(start >= 1 || strength == 1.0f, $"start {start} of {editSteps}");
    }

    [Fact]
    public void From_keeps_the_tail_and_the_final_zero()
    {
        var tail = new EulerScheduler().CreateSchedule(4, 0).From(2);

        Assert.Equal([499f, 249f], tail.Timesteps);
        Assert.Equal(3, tail.Sigmas.Count);
        Assert.Equal(0f, tail.Sigmas[^1]);
    }

    [Fact]
    public void Strength_outside_zero_to_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.StartStep(4, 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.StartStep(4, 1.5f));
    }

    [Theory]
    [InlineData("euler", SchedulerKind.Euler)]
    [InlineData("euler-ancestral", SchedulerKind.EulerAncestral)]
    [InlineData("flow-match-euler", SchedulerKind.FlowMatchEuler)]
    public void Factory_builds_each_kind(string name, SchedulerKind kind)
    {
        var scheduler = SchedulerFactory.Create(SchedulerFactory.ParseKind(name), new ModelConstants());

        Assert.Equal(kind, scheduler.Kind);
    }

    [Fact]
    public void Factory_throws_on_unknown_names_and_values()
    {
        var error = Assert.Throws<ArgumentException>(() => SchedulerFactory.ParseKind("ddim"));
        Assert.Contains("euler-ancestral", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SchedulerFactory.Create((SchedulerKind)42, new ModelConstants()));
    }
}

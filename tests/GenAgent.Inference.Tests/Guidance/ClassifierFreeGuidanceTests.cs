using GenAgent.Inference.Guidance;

namespace GenAgent.Inference.Tests.Guidance;

public sealed class ClassifierFreeGuidanceTests
{
    [Fact]
    public void Combine_is_uncond_plus_scale_times_the_difference()
    {
        var destination = new float[2];

        ClassifierFreeGuidance.Combine([1f, -2f], [3f, 0f], 7.5f, destination);

        // 1 + 7.5 * 2 = 16; -2 + 7.5 * 2 = 13.
        Assert.Equal([16f, 13f], destination);
    }

    [Fact]
    public void Batch_layout_is_all_uncond_then_all_cond()
    {
        // Two items of two values: uncond [0,1] [2,3], cond [4,5] [6,7].
        var guided = ClassifierFreeGuidance.CombineBatch([0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f], 2, [2f, 0.5f]);

        // item 0: 0 + 2 * 4 = 8, 1 + 2 * 4 = 9; item 1: 2 + 0.5 * 4 = 4, 3 + 0.5 * 4 = 5.
        Assert.Equal([8f, 9f, 4f, 5f], guided);
    }

    [Theory]
    [InlineData(0f, false)]
    [InlineData(1f, false)]
    [InlineData(1.5f, true)]
    public void Guidance_runs_only_above_one(float scale, bool enabled)
    {
        Assert.Equal(enabled, ClassifierFreeGuidance.IsEnabled(scale));
    }
}

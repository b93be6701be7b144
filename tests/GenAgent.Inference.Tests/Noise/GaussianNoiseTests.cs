using GenAgent.Inference.Noise;

namespace GenAgent.Inference.Tests.Noise;

/// <summary>First values come from an independent Python implementation of SplitMix64 -> xoshiro256** -> Box-Muller.</summary>
public sealed class GaussianNoiseTests
{
    [Fact]
    public void First_raw_draw_matches_the_reference_generator()
    {
        Assert.Equal(0x99ec5f36cb75f2b4UL, new GaussianNoise(0).NextUInt64());
        Assert.Equal(0x15780b2e0c2ec716UL, new GaussianNoise(42).NextUInt64());
        Assert.Equal(0x8f5520d52a7ead08UL, new GaussianNoise(-1).NextUInt64());
    }

    [Theory]
    [InlineData(0, -0.01896499, -1.35593023, -0.40372110, 0.23335098)]
    [InlineData(42, -0.30326306, 0.28846174, 1.34381176, -0.68797518)]
    public void First_normals_are_documented(long seed, double a, double b, double c, double d)
    {
        var values = new GaussianNoise(seed).Next(4);

        float[] expected = [(float)a, (float)b, (float)c, (float)d];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], values[i], 6);
        }
    }

    [Fact]
    public void Same_seed_same_values_other_seed_other_values()
    {
        Assert.Equal(new GaussianNoise(7).Next(1000), new GaussianNoise(7).Next(1000));
        Assert.NotEqual(new GaussianNoise(7).Next(16), new GaussianNoise(8).Next(16));
    }

    [Fact]
    public void Values_are_standard_normal()
    {
        var values = new GaussianNoise(123).Next(200_000);

        var mean = values.Average(v => (double)v);
        var variance = values.Average(v => (v - mean) * (v - mean));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(values.Count(v => Math.Abs(v) < 1) / 200_000.0, 0.677, 0.689);
    }
}

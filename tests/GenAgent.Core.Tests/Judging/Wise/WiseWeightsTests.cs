using GenAgent.Core.Judging.Wise;

namespace GenAgent.Core.Tests.Judging.Wise;

public class WiseWeightsTests
{
    private static readonly Dictionary<string, double> Scores = new()
    {
        ["Cultural"] = 0.5, ["Time"] = 1.0, ["Space"] = 0.0, ["Biology"] = 1.0, ["Physics"] = 0.0, ["Chemistry"] = 0.5,
    };

    [Fact]
    public void The_legacy_overall_weighs_categories_by_their_size()
    {
        var expected = 0.4 * 0.5 + 0.167 * 1.0 + 0.133 * 0.0 + 0.1 * (1.0 + 0.0 + 0.5);

        Assert.Equal(expected, WiseWeights.Overall(Scores, verified: false), 9);
    }

    [Fact]
    public void The_verified_overall_gives_culture_0_4_and_each_other_category_0_12()
    {
        var verified = new Dictionary<string, double>(Scores) { ["Culture"] = 0.5 };
        verified.Remove("Cultural");
        var expected = 0.4 * 0.5 + 0.12 * (1.0 + 0.0 + 1.0 + 0.0 + 0.5);

        Assert.Equal(expected, WiseWeights.Overall(verified, verified: true), 9);
    }

    [Fact]
    public void A_partial_run_is_renormalised_over_the_categories_it_covers()
    {
        var partial = new Dictionary<string, double> { ["Cultural"] = 1.0, ["Time"] = 0.0 };

        Assert.Equal(0.4 / (0.4 + 0.167), WiseWeights.Overall(partial, verified: false), 9);
    }

    [Theory]
    [InlineData("Cultural", "cultural")]
    [InlineData("Culture", "cultural")]
    [InlineData("cultural knowledge", "cultural")]
    [InlineData("Physics", "physics")]
    [InlineData("time_reasoning", "time")]
    public void Category_spellings_meet(string category, string key) => Assert.Equal(key, WiseWeights.Key(category));
}

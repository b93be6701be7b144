using GenAgent.Core.Judging.Wise;

namespace GenAgent.Core.Tests.Judging.Wise;

public class WiseRubricTests
{
    [Theory]
    [InlineData("Consistency: 2\nRealism: 1\nAesthetic Quality: 2", 2, 1, 2)]
    [InlineData("**Consistency**: 1\n**Realism**: 2\n**Aesthetic Quality**: 0\nThe image shows the tower.", 1, 2, 0)]
    [InlineData("Here are my ratings.\nconsistency : 0\nrealism: 0\naesthetic: 1", 0, 0, 1)]
    public void Reads_the_three_ratings_wherever_they_stand(string reply, int c, int r, int a)
    {
        var rubric = WiseRubric.TryParse(reply);

        Assert.Equal(new WiseRubric(c, r, a), rubric);
    }

    [Theory]
    [InlineData("Consistency: 2\nRealism: 1")]
    [InlineData("Consistency: 3\nRealism: 1\nAesthetic Quality: 2")]
    [InlineData("The picture is lovely.")]
    [InlineData("")]
    public void A_missing_or_out_of_range_rating_is_no_rubric(string reply) => Assert.Null(WiseRubric.TryParse(reply));

    [Fact]
    public void The_wiscore_weighs_consistency_realism_and_aesthetics_70_20_10_over_two()
    {
        Assert.Equal(1.0, new WiseRubric(2, 2, 2).WiScore, 9);
        Assert.Equal(0.7, new WiseRubric(2, 0, 0).WiScore, 9);
        Assert.Equal((0.7 * 1 + 0.2 * 2 + 0.1 * 1) / 2, new WiseRubric(1, 2, 1).WiScore, 9);
    }
}

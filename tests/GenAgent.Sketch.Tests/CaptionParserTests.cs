using GenAgent.Sketch;

namespace GenAgent.Sketch.Tests;

public sealed class CaptionParserTests
{
    [Theory]
    [InlineData("A photo of three white boats and one green hot dogs", "3 white boat|1 green hot dog")]
    [InlineData("A photo of two orange clocks and one red skises", "2 orange clock|1 red skis")]
    [InlineData("A photo of three purple hair driers and one pink surfboards", "3 purple hair drier|1 pink surfboard")]
    [InlineData("A photo of a blue laptop, an orange chair, and a white hair drier", "1 blue laptop|1 orange chair|1 white hair drier")]
    [InlineData("A photo of one computer mouses on the above and two scissorses on the below", "1 computer mouse top|2 scissors bottom")]
    [InlineData("A photo of orange cat on the above and black cell phone on the below", "1 orange cat top|1 black cell phone bottom")]
    [InlineData("A photo of three clocks on the left and one cats on the right", "3 clock left|1 cat right")]
    [InlineData("a photo of four oranges", "4 orange")]
    [InlineData("two mice, three knives and 5 sheep", "2 computer mouse|3 knife|5 sheep")]
    [InlineData("a photo of people", "2 person")]
    [InlineData("A photo of a larger bench on the above and a smaller spoon on the below", "1 bench top larger|1 spoon bottom smaller")]
    [InlineData("a photo of a dog right of a teddy bear", "1 dog right-of:1|1 teddy bear")]
    [InlineData("a photo of a wine glass above a kite", "1 wine glass top-of:1|1 kite")]
    [InlineData("A photo of two tennis rackets, two broccolis, and three sports balls", "2 tennis racket|2 broccoli|3 sports ball")]
    [InlineData("Exactly 2 blue traffic lights, placed in the left half of the image.", "2 blue traffic light left")]
    public void Parses_benchmark_english(string caption, string expected)
    {
        var spec = CaptionParser.Parse(caption);

        Assert.Equal(expected, string.Join('|', spec.Groups.Select(Describe)));
    }

    [Fact]
    public void Explicit_captions_score_higher_than_loose_ones()
    {
        var loose = CaptionParser.Parse("A photo of three clocks on the left and one cats on the right");
        var explicitCaption = CaptionParser.Parse("Exactly 3 clocks, placed in the left half of the image. Exactly 1 cat, placed in the right half of the image.");

        Assert.Equal(loose.Groups, explicitCaption.Groups);
        Assert.True(loose.Explicitness < 0.2, $"loose caption scored {loose.Explicitness}");
        Assert.True(explicitCaption.Explicitness > 0.9, $"explicit caption scored {explicitCaption.Explicitness}");
    }

    [Fact]
    public void A_caption_without_known_objects_has_no_groups()
    {
        Assert.Empty(CaptionParser.Parse("the national animal of Australia at dawn").Groups);
    }

    private static string Describe(ObjectGroup g)
    {
        var parts = new List<string> { g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (g.Color is not null)
        {
            parts.Add(g.Color);
        }

        parts.Add(g.Class);
        if (g.Region != SketchRegion.None)
        {
            parts.Add(g.Region.ToString().ToLowerInvariant());
        }

        if (g.Size != SizeHint.None)
        {
            parts.Add(g.Size.ToString().ToLowerInvariant());
        }

        if (g.Relation is { } r)
        {
            parts.Add($"{r.Side.ToString().ToLowerInvariant()}-of:{r.ReferenceGroup}");
        }

        return string.Join(' ', parts);
    }
}

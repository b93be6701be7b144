using Xunit.Abstractions;

namespace GenAgent.Sketch.Tests;

/// <summary>Every class has its own pictogram: one connected shape, told apart from the other 79 at every size.</summary>
public sealed class PictogramTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_class_of_the_vocabulary_has_a_pictogram() =>
        Assert.Equal(SketchVocabulary.Classes.Select(c => c.Name).Order(), Pictograms.Names.Order());

    [Fact]
    public void Each_pictogram_alone_on_paper_is_read_as_its_own_class_at_every_size_and_color()
    {
        var wrong = new List<string>();
        foreach (var cls in SketchVocabulary.Classes)
        {
            foreach (var side in new[] { 256, 512 })
            {
                foreach (var color in new[] { cls.TypicalColor, "black", "white" })
                {
                    var caption = $"Exactly 1 {color} {cls.Name}.";
                    var (png, objects) = SketchGenerator.RenderScene(CaptionParser.Parse(caption), caption, side, side, 1, withMistakes: false, out _);
                    var seen = SketchVision.Detect(png);
                    if (seen.Count != 1 || seen[0].Class != cls.Name || seen[0].Color != color)
                    {
                        wrong.Add($"{color} {cls.Name} @{side}: saw {string.Join(", ", seen.Select(d => d.Color + " " + d.Class))} (drew {objects.Count})");
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void No_two_pictograms_are_near_twins()
    {
        var closest = PictogramDistances.Closest(grid: 12, aspectWeight: 0.35).Take(5).ToList();
        foreach (var (a, b, d) in closest)
        {
            output.WriteLine($"{d:F3} {a} / {b}");
        }

        // Same-class renders under JPEG, noise and resizing stay well under this distance (see the accuracy tests).
        Assert.True(closest[0].Distance >= 0.08, $"{closest[0].A} and {closest[0].B} are only {closest[0].Distance:F3} apart");
    }
}

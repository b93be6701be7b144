using GenAgent.Ocr.Detection;

namespace GenAgent.Ocr.Tests.Detection;

public sealed class DbPostProcessorTests
{
    [Fact]
    public void A_confident_block_is_unclipped_and_scaled_to_the_original_image()
    {
        // A 64x32 map with text probability 0.9 on x 10..50, y 10..20: a 40 by 10 rectangle of pixel centres.
        var map = Map(64, 32, (10, 10, 50, 20, 0.9f));

        var region = Assert.Single(DbPostProcessor.Process(map, new OcrOptions(), originalWidth: 128, originalHeight: 64));

        // Unclip distance = area * 1.5 / perimeter = 400 * 1.5 / 100 = 6: x 4..56, y 4..26 on the map, doubled.
        Assert.Equal(0.9f, region.Score, 4);
        Assert.Equal(8f, region.Quad.TopLeft.X, 3);
        Assert.Equal(8f, region.Quad.TopLeft.Y, 3);
        Assert.Equal(112f, region.Quad.BottomRight.X, 3);
        Assert.Equal(52f, region.Quad.BottomRight.Y, 3);
    }

    [Fact]
    public void Weak_thin_and_separate_regions_are_judged_one_by_one()
    {
        var map = Map(
            96,
            48,
            (4, 4, 40, 14, 0.9f),    // kept
            (50, 4, 90, 14, 0.5f),   // above the 0.3 binarization, below the 0.6 box score: dropped
            (4, 30, 60, 31, 0.95f)); // two rows thin: dropped

        var regions = DbPostProcessor.Process(map, new OcrOptions(), 96, 48);

        var region = Assert.Single(regions);
        Assert.True(region.Quad.TopLeft.X < 4 && region.Quad.TopRight.X > 40);
    }

    [Fact]
    public void The_box_threshold_is_an_option()
    {
        var map = Map(96, 48, (50, 4, 90, 14, 0.5f));

        Assert.Single(DbPostProcessor.Process(map, new OcrOptions { BoxThreshold = 0.4f }, 96, 48));
    }

    private static ProbabilityMap Map(int width, int height, params (int Left, int Top, int Right, int Bottom, float P)[] blocks)
    {
        var values = new float[width * height];
        foreach (var (left, top, right, bottom, p) in blocks)
        {
            for (var y = top; y <= bottom; y++)
            {
                for (var x = left; x <= right; x++)
                {
                    values[(y * width) + x] = p;
                }
            }
        }

        return new ProbabilityMap(values, width, height);
    }
}

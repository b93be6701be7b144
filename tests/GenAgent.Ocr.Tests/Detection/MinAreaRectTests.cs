using System.Numerics;
using GenAgent.Ocr.Detection;

namespace GenAgent.Ocr.Tests.Detection;

public sealed class MinAreaRectTests
{
    [Fact]
    public void An_axis_aligned_block_gives_its_own_rectangle()
    {
        var points = Block(10, 20, 50, 30);

        var rect = MinAreaRect.Compute(points);

        // Pixel centres from x 10..50 and y 20..30: 40 by 10, centred on (30, 25).
        Assert.Equal(400f, rect.Area, 3);
        Assert.Equal(10f, rect.ShortSide, 3);
        Assert.Equal(new Vector2(30, 25), rect.Center);
        var quad = rect.ToQuad();
        AssertNear(new Vector2(10, 20), quad.TopLeft);
        AssertNear(new Vector2(50, 20), quad.TopRight);
        AssertNear(new Vector2(50, 30), quad.BottomRight);
        AssertNear(new Vector2(10, 30), quad.BottomLeft);
    }

    [Fact]
    public void A_diagonal_band_gives_a_rotated_rectangle()
    {
        // A band along y = x, about 4 pixels wide across its axis.
        var points = new List<(int X, int Y)>();
        for (var t = 0; t <= 40; t++)
        {
            for (var k = -1; k <= 1; k++)
            {
                points.Add((t + k, t - k));
            }
        }

        var rect = MinAreaRect.Compute(points);

        // Along the axis: from (-1,1)..(41,39) projected is 40*sqrt2; across: from k=-1 to 1 is 2*sqrt2.
        Assert.Equal(MathF.Sqrt(2) * 2, rect.ShortSide, 3);
        Assert.Equal(40 * MathF.Sqrt(2) * 2 * MathF.Sqrt(2), rect.Area, 2);
        Assert.Equal(MathF.Sqrt(0.5f), MathF.Abs(rect.Axis.X), 3);
    }

    [Fact]
    public void Expanding_grows_each_side_by_the_distance()
    {
        var rect = MinAreaRect.Compute(Block(0, 0, 20, 10)).Expand(3);

        Assert.Equal(26f * 16f, rect.Area, 3);
        Assert.True(rect.Contains(new Vector2(-3, -3), 0.01f));
        Assert.False(rect.Contains(new Vector2(-3.5f, 5), 0.01f));
    }

    [Fact]
    public void The_hull_keeps_only_the_corners()
    {
        var hull = MinAreaRect.ConvexHull(Block(0, 0, 4, 3));

        Assert.Equal(4, hull.Count);
        Assert.Contains(new Vector2(0, 0), hull);
        Assert.Contains(new Vector2(4, 3), hull);
    }

    internal static List<(int X, int Y)> Block(int left, int top, int right, int bottom)
    {
        var points = new List<(int X, int Y)>();
        for (var y = top; y <= bottom; y++)
        {
            for (var x = left; x <= right; x++)
            {
                points.Add((x, y));
            }
        }

        return points;
    }

    private static void AssertNear(Vector2 expected, Vector2 actual) =>
        Assert.True(Vector2.Distance(expected, actual) < 1e-3, $"expected {expected}, got {actual}");
}

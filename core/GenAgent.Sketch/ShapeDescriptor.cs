namespace GenAgent.Sketch;

/// <summary>
/// A segment's shape, independent of its size and color: the share of each cell of a grid laid over its box that the
/// segment covers (cut-outs show as low cells), and the box's aspect.
/// </summary>
internal sealed class ShapeDescriptor
{
    private ShapeDescriptor(float[] cells, int grid, double aspect)
    {
        Cells = cells;
        Grid = grid;
        Aspect = aspect;
    }

    public float[] Cells { get; }

    public int Grid { get; }

    public double Aspect { get; }

    public static ShapeDescriptor Of(Segment segment, int grid)
    {
        var box = segment.Box;
        var covered = new float[grid * grid];
        foreach (var i in segment.Pixels)
        {
            var (x, y) = ((i % segment.ImageWidth) - box.X, (i / segment.ImageWidth) - box.Y);
            covered[(y * grid / box.Height * grid) + (x * grid / box.Width)]++;
        }

        // Cells get whole pixels, so their sizes differ by one row or column; divide by each cell's own size.
        for (var cy = 0; cy < grid; cy++)
        {
            var rows = Span(cy, grid, box.Height);
            for (var cx = 0; cx < grid; cx++)
            {
                covered[(cy * grid) + cx] /= Math.Max(1, rows * Span(cx, grid, box.Width));
            }
        }

        return new ShapeDescriptor(covered, grid, box.Width / (double)box.Height);
    }

    /// <summary>Left and right swapped: pictograms may face either way.</summary>
    public ShapeDescriptor Mirrored()
    {
        var cells = new float[Cells.Length];
        for (var y = 0; y < Grid; y++)
        {
            for (var x = 0; x < Grid; x++)
            {
                cells[(y * Grid) + x] = Cells[(y * Grid) + (Grid - 1 - x)];
            }
        }

        return new ShapeDescriptor(cells, Grid, Aspect);
    }

    /// <summary>Mean cell difference plus a weighted log-ratio of the aspects: 0 for the same shape.</summary>
    public double DistanceTo(ShapeDescriptor other, double aspectWeight)
    {
        var sum = 0.0;
        for (var k = 0; k < Cells.Length; k++)
        {
            sum += Math.Abs(Cells[k] - other.Cells[k]);
        }

        return (sum / Cells.Length) + (aspectWeight * Math.Abs(Math.Log(Aspect / other.Aspect)));
    }

    /// <summary>How many of <paramref name="length"/> pixels fall in cell <paramref name="cell"/> of <paramref name="grid"/>.</summary>
    private static int Span(int cell, int grid, int length)
    {
        var first = ((cell * length) + grid - 1) / grid;
        var end = (((cell + 1) * length) + grid - 1) / grid;
        return end - first;
    }
}

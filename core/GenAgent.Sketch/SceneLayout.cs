using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>
/// Places objects on a grid of cells without overlap. Column and row counts are even whenever a half is
/// required, so every cell lies wholly in one half; the grid chosen is the one giving the largest objects.
/// </summary>
internal static class SceneLayout
{
    private const int MaxCells = 8;

    public static List<SceneObject> Place(IReadOnlyList<LayoutItem> items, int width, int height, Random rng)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var needsColumns = items.Any(i => i.Horizontal != SketchRegion.None);
        var needsRows = items.Any(i => i.Vertical != SketchRegion.None);
        List<SceneObject>? best = null;
        var bestScore = double.MinValue;
        for (var cols = 1; cols <= MaxCells; cols++)
        {
            for (var rows = 1; rows <= MaxCells; rows++)
            {
                if ((needsColumns && cols % 2 == 1) || (needsRows && rows % 2 == 1) || cols * rows < items.Count)
                {
                    continue;
                }

                var score = Score(items, width / (float)cols, height / (float)rows) - (0.001 * cols * rows);
                if (score <= bestScore)
                {
                    continue;
                }

                var placed = TryAssign(items, cols, rows, width, height, rng);
                if (placed is not null)
                {
                    best = placed;
                    bestScore = score;
                }
            }
        }

        return best ?? throw new InvalidOperationException($"Cannot place {items.Count} objects in a {width}x{height} image.");
    }

    /// <summary>The smallest body area any item would get in such a cell.</summary>
    private static double Score(IReadOnlyList<LayoutItem> items, float cellWidth, float cellHeight) =>
        items.Min(i => Fit(i.Class.Aspect, cellWidth, cellHeight, 1f).Area());

    private static (float Width, float Height) Fit(float aspect, float cellWidth, float cellHeight, float scale)
    {
        var availableWidth = cellWidth * 0.8f;
        var availableHeight = cellHeight * 0.64f;
        var w = Math.Min(availableWidth, availableHeight * aspect) * scale;
        return (w, w / aspect);
    }

    private static double Area(this (float Width, float Height) size) => size.Width * size.Height;

    private static List<SceneObject>? TryAssign(IReadOnlyList<LayoutItem> items, int cols, int rows, int width, int height, Random rng)
    {
        var free = Enumerable.Range(0, cols * rows).OrderBy(_ => rng.Next()).ToList();
        var order = items.Select((item, index) => (item, index))
            .OrderByDescending(x => (x.item.Horizontal != SketchRegion.None ? 1 : 0) + (x.item.Vertical != SketchRegion.None ? 1 : 0))
            .ToList();
        var cellWidth = width / (float)cols;
        var cellHeight = height / (float)rows;
        var result = new SceneObject[items.Count];
        foreach (var (item, index) in order)
        {
            var cell = free.FindIndex(c => Allowed(item, c % cols, c / cols, cols, rows));
            if (cell < 0)
            {
                return null;
            }

            var chosen = free[cell];
            free.RemoveAt(cell);
            var (w, h) = Fit(item.Class.Aspect, cellWidth, cellHeight, item.Scale);
            var side = Math.Min(width, height);
            var band = SceneRenderer.LabelBand(new SKRect(0, 0, w, h), side);
            var slackX = Math.Max(0, (cellWidth * 0.84f) - w);
            var slackY = Math.Max(0, (cellHeight * 0.88f) - h - band);
            var left = ((chosen % cols) * cellWidth) + (cellWidth * 0.08f) + (float)(rng.NextDouble() * slackX);
            var top = ((chosen / cols) * cellHeight) + (cellHeight * 0.06f) + (float)(rng.NextDouble() * slackY);
            result[index] = new SceneObject(item.Class, item.Color, SKRect.Create(MathF.Round(left), MathF.Round(top), MathF.Round(w), MathF.Round(h)));
        }

        return [.. result];
    }

    private static bool Allowed(LayoutItem item, int col, int row, int cols, int rows) =>
        item.Horizontal switch
        {
            SketchRegion.Left => col < cols / 2,
            SketchRegion.Right => col >= cols / 2,
            _ => true,
        }
        && item.Vertical switch
        {
            SketchRegion.Top => row < rows / 2,
            SketchRegion.Bottom => row >= rows / 2,
            _ => true,
        };
}

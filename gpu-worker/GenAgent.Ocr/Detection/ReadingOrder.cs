namespace GenAgent.Ocr.Detection;

/// <summary>Top to bottom, then left to right; boxes whose tops differ by less than a few pixels count as one row (PaddleOCR's sorted_boxes).</summary>
internal static class ReadingOrder
{
    private const float SameRow = 10;

    public static List<T> Sort<T>(IEnumerable<T> items, Func<T, TextQuad> quad)
    {
        var sorted = items
            .OrderBy(i => quad(i).TopLeft.Y)
            .ThenBy(i => quad(i).TopLeft.X)
            .ToList();
        for (var i = 0; i < sorted.Count - 1; i++)
        {
            for (var j = i; j >= 0; j--)
            {
                var upper = quad(sorted[j]).TopLeft;
                var lower = quad(sorted[j + 1]).TopLeft;
                if (MathF.Abs(lower.Y - upper.Y) < SameRow && lower.X < upper.X)
                {
                    (sorted[j], sorted[j + 1]) = (sorted[j + 1], sorted[j]);
                }
                else
                {
                    break;
                }
            }
        }

        return sorted;
    }
}

using System.Numerics;

namespace GenAgent.Ocr.Detection;

/// <summary>
/// Turns a DB (differentiable binarization) probability map into text boxes, following PaddleOCR's DBPostProcess:
/// threshold, connected regions, minimum-area rectangle, mean-probability filter, unclip, scale to the original image.
/// </summary>
internal static class DbPostProcessor
{
    /// <summary>Regions whose rectangle is thinner than this (in map pixels) are noise.</summary>
    private const float MinSide = 3;

    public static List<DetectedRegion> Process(ProbabilityMap map, OcrOptions options, int originalWidth, int originalHeight)
    {
        var mask = new bool[map.Values.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = map.Values[i] > options.BinaryThreshold;
        }

        var scaleX = (float)originalWidth / map.Width;
        var scaleY = (float)originalHeight / map.Height;
        var regions = new List<DetectedRegion>();
        foreach (var outline in ConnectedComponents.Outlines(mask, map.Width, map.Height).Take(options.MaxCandidates))
        {
            var rect = MinAreaRect.Compute(outline);
            if (rect.ShortSide < MinSide)
            {
                continue;
            }

            var score = MeanProbability(map, rect);
            if (score < options.BoxThreshold)
            {
                continue;
            }

            // The model is trained on regions shrunk by the Vatti offset; grow them back by the same rule.
            var perimeter = 2 * (rect.Width + rect.Height);
            var grown = rect.Expand(rect.Area * options.UnclipRatio / perimeter);
            if (grown.ShortSide < MinSide + 2)
            {
                continue;
            }

            var quad = grown.ToQuad().ScaleAndClamp(scaleX, scaleY, originalWidth, originalHeight);
            if (quad.Width <= 3 || quad.Height <= 3)
            {
                continue;
            }

            regions.Add(new DetectedRegion(quad, score));
        }

        return regions;
    }

    /// <summary>Mean probability of the map pixels inside the (unexpanded) rectangle, as PaddleOCR's box_score_fast.</summary>
    private static float MeanProbability(ProbabilityMap map, RotatedRect rect)
    {
        var quad = rect.ToQuad();
        ReadOnlySpan<Vector2> corners = [quad.TopLeft, quad.TopRight, quad.BottomRight, quad.BottomLeft];
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        foreach (var c in corners)
        {
            minX = MathF.Min(minX, c.X);
            minY = MathF.Min(minY, c.Y);
            maxX = MathF.Max(maxX, c.X);
            maxY = MathF.Max(maxY, c.Y);
        }

        var x0 = Math.Clamp((int)MathF.Floor(minX), 0, map.Width - 1);
        var x1 = Math.Clamp((int)MathF.Ceiling(maxX), 0, map.Width - 1);
        var y0 = Math.Clamp((int)MathF.Floor(minY), 0, map.Height - 1);
        var y1 = Math.Clamp((int)MathF.Ceiling(maxY), 0, map.Height - 1);
        double sum = 0;
        var count = 0;
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                // Half a pixel of slack: a filled polygon includes the pixels its edges pass through.
                if (rect.Contains(new Vector2(x, y), 0.5f))
                {
                    sum += map[x, y];
                    count++;
                }
            }
        }

        return count == 0 ? 0 : (float)(sum / count);
    }
}

using System.Numerics;

namespace GenAgent.Ocr.Detection;

/// <summary>The smallest rotated rectangle around a point set: a convex hull, then one edge of the hull is always a side (rotating calipers).</summary>
internal static class MinAreaRect
{
    public static RotatedRect Compute(List<(int X, int Y)> points)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("A rectangle needs at least one point.", nameof(points));
        }

        var hull = ConvexHull(points);
        if (hull.Count == 1)
        {
            return new RotatedRect(hull[0], Vector2.UnitX, 0, 0);
        }

        var best = default(RotatedRect);
        var bestArea = float.PositiveInfinity;
        for (var i = 0; i < hull.Count; i++)
        {
            var edge = hull[(i + 1) % hull.Count] - hull[i];
            if (edge.LengthSquared() == 0)
            {
                continue;
            }

            var axis = Vector2.Normalize(edge);
            var normal = new Vector2(-axis.Y, axis.X);
            float minU = float.PositiveInfinity, maxU = float.NegativeInfinity;
            float minV = float.PositiveInfinity, maxV = float.NegativeInfinity;
            foreach (var p in hull)
            {
                var u = Vector2.Dot(p, axis);
                var v = Vector2.Dot(p, normal);
                minU = MathF.Min(minU, u);
                maxU = MathF.Max(maxU, u);
                minV = MathF.Min(minV, v);
                maxV = MathF.Max(maxV, v);
            }

            var area = (maxU - minU) * (maxV - minV);
            if (area < bestArea)
            {
                bestArea = area;
                var center = (axis * ((minU + maxU) / 2)) + (normal * ((minV + maxV) / 2));
                best = new RotatedRect(center, axis, maxU - minU, maxV - minV);
            }
        }

        return best;
    }

    /// <summary>Andrew's monotone chain; collinear points are dropped, the hull is counterclockwise.</summary>
    internal static List<Vector2> ConvexHull(List<(int X, int Y)> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3)
        {
            return sorted.Select(p => new Vector2(p.X, p.Y)).ToList();
        }

        var hull = new (int X, int Y)[2 * sorted.Count];
        var k = 0;
        foreach (var p in sorted)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }

            hull[k++] = p;
        }

        var lower = k + 1;
        for (var i = sorted.Count - 2; i >= 0; i--)
        {
            var p = sorted[i];
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }

            hull[k++] = p;
        }

        return hull.Take(k - 1).Select(p => new Vector2(p.X, p.Y)).ToList();
    }

    private static long Cross((int X, int Y) o, (int X, int Y) a, (int X, int Y) b) =>
        ((long)(a.X - o.X) * (b.Y - o.Y)) - ((long)(a.Y - o.Y) * (b.X - o.X));
}

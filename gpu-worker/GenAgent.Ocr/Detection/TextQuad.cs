using System.Numerics;

namespace GenAgent.Ocr.Detection;

/// <summary>A text region's four corners, clockwise from the top left, in some image's pixel coordinates.</summary>
internal readonly record struct TextQuad(Vector2 TopLeft, Vector2 TopRight, Vector2 BottomRight, Vector2 BottomLeft)
{
    /// <summary>The longer of the top and bottom edges.</summary>
    public float Width => MathF.Max(Vector2.Distance(TopLeft, TopRight), Vector2.Distance(BottomLeft, BottomRight));

    /// <summary>The longer of the left and right edges.</summary>
    public float Height => MathF.Max(Vector2.Distance(TopLeft, BottomLeft), Vector2.Distance(TopRight, BottomRight));

    /// <summary>The same region read after turning it 180 degrees (for upside-down lines).</summary>
    public TextQuad Turned180() => new(BottomRight, BottomLeft, TopLeft, TopRight);

    /// <summary>The same region read after turning it 90 degrees counterclockwise (for lines taller than wide).</summary>
    public TextQuad TurnedCounterclockwise() => new(TopRight, BottomRight, BottomLeft, TopLeft);

    /// <summary>Four corners in any order, arranged like PaddleOCR does: the two leftmost give the left edge, the upper of each pair is the top.</summary>
    public static TextQuad FromCorners(ReadOnlySpan<Vector2> corners)
    {
        if (corners.Length != 4)
        {
            throw new ArgumentException("A quad needs exactly four corners.", nameof(corners));
        }

        Span<Vector2> sorted = stackalloc Vector2[4];
        corners.CopyTo(sorted);
        sorted.Sort(static (a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y));
        var (topLeft, bottomLeft) = sorted[0].Y <= sorted[1].Y ? (sorted[0], sorted[1]) : (sorted[1], sorted[0]);
        var (topRight, bottomRight) = sorted[2].Y <= sorted[3].Y ? (sorted[2], sorted[3]) : (sorted[3], sorted[2]);
        return new TextQuad(topLeft, topRight, bottomRight, bottomLeft);
    }

    /// <summary>Scales every corner and clamps it into [0, maxX] x [0, maxY].</summary>
    public TextQuad ScaleAndClamp(float scaleX, float scaleY, float maxX, float maxY)
    {
        Vector2 Map(Vector2 p) => new(Math.Clamp(p.X * scaleX, 0, maxX), Math.Clamp(p.Y * scaleY, 0, maxY));
        return new TextQuad(Map(TopLeft), Map(TopRight), Map(BottomRight), Map(BottomLeft));
    }

    public IReadOnlyList<OcrPoint> ToPoints() =>
    [
        ToPoint(TopLeft), ToPoint(TopRight), ToPoint(BottomRight), ToPoint(BottomLeft),
    ];

    private static OcrPoint ToPoint(Vector2 p) => new((int)MathF.Round(p.X), (int)MathF.Round(p.Y));
}

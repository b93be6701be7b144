using System.Numerics;

namespace GenAgent.Ocr.Detection;

/// <summary>A rectangle of any rotation: a centre, a unit axis for the width, and its two side lengths.</summary>
internal readonly record struct RotatedRect(Vector2 Center, Vector2 Axis, float Width, float Height)
{
    public float Area => Width * Height;

    public float ShortSide => MathF.Min(Width, Height);

    /// <summary>The perpendicular of <see cref="Axis"/>, the height direction.</summary>
    public Vector2 Normal => new(-Axis.Y, Axis.X);

    /// <summary>
    /// Grows every side outward by <paramref name="distance"/>. Offsetting a rectangle with round joins
    /// (what PaddleOCR's unclip does) gives rounded corners whose minimum-area rectangle is exactly this.
    /// </summary>
    public RotatedRect Expand(float distance) => this with { Width = Width + (2 * distance), Height = Height + (2 * distance) };

    public TextQuad ToQuad()
    {
        var u = Axis * (Width / 2);
        var v = Normal * (Height / 2);
        ReadOnlySpan<Vector2> corners = [Center - u - v, Center + u - v, Center + u + v, Center - u + v];
        return TextQuad.FromCorners(corners);
    }

    /// <summary>Whether a point lies inside, with <paramref name="tolerance"/> pixels of slack on every side.</summary>
    public bool Contains(Vector2 point, float tolerance)
    {
        var d = point - Center;
        return MathF.Abs(Vector2.Dot(d, Axis)) <= (Width / 2) + tolerance
            && MathF.Abs(Vector2.Dot(d, Normal)) <= (Height / 2) + tolerance;
    }
}

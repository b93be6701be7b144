namespace GenAgent.Sketch;

/// <summary>An object found in an image's pixels.</summary>
public sealed record DetectedObject(string Class, string? Color, PixelBox Box)
{
    public double CenterX => Box.CenterX;

    public double CenterY => Box.CenterY;

    public int Area => Box.Area;
}

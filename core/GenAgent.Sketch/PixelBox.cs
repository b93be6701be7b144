namespace GenAgent.Sketch;

/// <summary>An axis-aligned pixel rectangle.</summary>
public readonly record struct PixelBox(int X, int Y, int Width, int Height)
{
    public double CenterX => X + (Width / 2.0);

    public double CenterY => Y + (Height / 2.0);

    public int Area => Width * Height;
}

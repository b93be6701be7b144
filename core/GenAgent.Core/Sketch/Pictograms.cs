using SkiaSharp;

namespace GenAgent.Core.Sketch;

/// <summary>
/// One connected, filled pictogram per shape family, drawn without anti-aliasing so every body pixel is exactly
/// its palette color; details (wheels, eyes, screens) are ink. Each shape covers the center of its box, where the
/// code strip goes.
/// </summary>
internal static class Pictograms
{
    public static void Draw(SKCanvas canvas, PictogramShape shape, SKRect box, SKColor color, int side)
    {
        using var fill = new SKPaint { Color = color, IsAntialias = false, Style = SKPaintStyle.Fill };
        using var ink = new SKPaint { Color = SketchColor.Ink, IsAntialias = false, Style = SKPaintStyle.Fill };
        using var line = new SKPaint { Color = SketchColor.Ink, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, side / 256f) };
        using var body = Path(shape, box);
        canvas.DrawPath(body, fill);
        canvas.DrawPath(body, line);
        Details(canvas, shape, box, ink, line);
    }

    private static SKPath Path(PictogramShape shape, SKRect b)
    {
        var p = new SKPath();
        float X(float u) => b.Left + (u * b.Width);
        float Y(float v) => b.Top + (v * b.Height);
        SKRect R(float u0, float v0, float u1, float v1) => new(X(u0), Y(v0), X(u1), Y(v1));
        var corner = Math.Min(b.Width, b.Height) * 0.15f;
        switch (shape)
        {
            case PictogramShape.Vehicle:
                p.AddRoundRect(R(0, 0.12f, 1, 0.8f), corner, corner);
                break;
            case PictogramShape.Animal:
                p.AddOval(R(0.05f, 0.35f, 0.78f, 0.82f));
                p.AddCircle(X(0.78f), Y(0.32f), Math.Min(b.Width * 0.2f, b.Height * 0.3f));
                foreach (var u in new[] { 0.18f, 0.55f })
                {
                    p.AddRect(R(u, 0.7f, u + 0.09f, 1f));
                }

                break;
            case PictogramShape.Person:
                p.AddCircle(X(0.5f), Y(0.16f), Math.Min(b.Width * 0.3f, b.Height * 0.16f));
                p.AddRoundRect(R(0.15f, 0.3f, 0.85f, 0.72f), corner, corner);
                p.AddRect(R(0.25f, 0.68f, 0.45f, 1f));
                p.AddRect(R(0.55f, 0.68f, 0.75f, 1f));
                break;
            case PictogramShape.Ball:
            case PictogramShape.Dial:
                p.AddOval(b);
                break;
            case PictogramShape.Octagon:
                p.AddPoly([new(X(0.3f), Y(0)), new(X(0.7f), Y(0)), new(X(1), Y(0.3f)), new(X(1), Y(0.7f)), new(X(0.7f), Y(1)), new(X(0.3f), Y(1)), new(X(0), Y(0.7f)), new(X(0), Y(0.3f))]);
                break;
            case PictogramShape.Diamond:
                p.AddPoly([new(X(0.5f), Y(0)), new(X(1), Y(0.4f)), new(X(0.5f), Y(1)), new(X(0), Y(0.4f))]);
                break;
            case PictogramShape.Tall:
                p.AddRoundRect(R(0.1f, 0, 0.9f, 1), corner, corner);
                break;
            case PictogramShape.Cup:
                p.AddPoly([new(X(0), Y(0.05f)), new(X(1), Y(0.05f)), new(X(0.8f), Y(1)), new(X(0.2f), Y(1))]);
                break;
            case PictogramShape.Stick:
                p.AddRoundRect(R(0, 0.3f, 1, 0.7f), b.Height * 0.2f, b.Height * 0.2f);
                break;
            case PictogramShape.Wedge:
                p.AddPoly([new(X(0.5f), Y(0)), new(X(1), Y(1)), new(X(0), Y(1))]);
                break;
            case PictogramShape.Screen:
            case PictogramShape.Box:
                p.AddRect(R(0, 0.08f, 1, 0.92f));
                break;
            case PictogramShape.Dome:
                p.AddArc(R(0, 0, 1, 1.2f), 180, 180);
                p.Close();
                p.AddRect(R(0.44f, 0.55f, 0.56f, 1));
                break;
            case PictogramShape.Plant:
                p.AddCircle(X(0.5f), Y(0.38f), Math.Min(b.Width * 0.45f, b.Height * 0.36f));
                p.AddPoly([new(X(0.22f), Y(0.6f)), new(X(0.78f), Y(0.6f)), new(X(0.68f), Y(1)), new(X(0.32f), Y(1))]);
                break;
            case PictogramShape.Bag:
                p.AddRoundRect(R(0, 0.25f, 1, 1), corner, corner);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "No pictogram for this shape.");
        }

        return p;
    }

    private static void Details(SKCanvas canvas, PictogramShape shape, SKRect b, SKPaint ink, SKPaint line)
    {
        float X(float u) => b.Left + (u * b.Width);
        float Y(float v) => b.Top + (v * b.Height);
        switch (shape)
        {
            case PictogramShape.Vehicle:
                var r = Math.Min(b.Height * 0.16f, b.Width * 0.12f);
                canvas.DrawCircle(X(0.22f), b.Bottom - r, r, ink);
                canvas.DrawCircle(X(0.78f), b.Bottom - r, r, ink);
                canvas.DrawRect(new SKRect(X(0.12f), Y(0.2f), X(0.32f), Y(0.36f)), ink);
                canvas.DrawRect(new SKRect(X(0.68f), Y(0.2f), X(0.88f), Y(0.36f)), ink);
                break;
            case PictogramShape.Animal:
                canvas.DrawCircle(X(0.84f), Y(0.27f), Math.Max(1, b.Height * 0.04f), ink);
                break;
            case PictogramShape.Dial:
                canvas.DrawLine(b.MidX, b.MidY, X(0.5f), Y(0.12f), line);
                canvas.DrawLine(b.MidX, b.MidY, X(0.8f), Y(0.5f), line);
                break;
            case PictogramShape.Screen:
                canvas.DrawRect(new SKRect(X(0.14f), Y(0.18f), X(0.86f), Y(0.42f)), ink);
                break;
            case PictogramShape.Tall:
                canvas.DrawRect(new SKRect(X(0.3f), Y(0.1f), X(0.7f), Y(0.25f)), ink);
                break;
            case PictogramShape.Bag:
                canvas.DrawRect(new SKRect(X(0.35f), Y(0.05f), X(0.65f), Y(0.26f)), line);
                break;
            case PictogramShape.Box:
                canvas.DrawLine(X(0.05f), Y(0.3f), X(0.95f), Y(0.3f), line);
                break;
            default:
                break;
        }
    }
}

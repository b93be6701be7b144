using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>Draws a scene: paper, then each object's pictogram and, below it, its name for people to read.</summary>
internal static class SceneRenderer
{
    public static byte[] Render(IReadOnlyList<SceneObject> objects, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SketchColor.Paper);
        var side = Math.Min(width, height);
        foreach (var o in objects)
        {
            Pictograms.Draw(canvas, o.Class, o.Body, SketchColor.Palette[o.Color], side);
            DrawLabel(canvas, o, side);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Height of the label band under a body, gap included.</summary>
    public static float LabelBand(SKRect body, int side) => FontSize(body, side) + Gap(side) + 2;

    private static float FontSize(SKRect body, int side) => Math.Clamp(body.Height * 0.18f, side / 56f, side / 30f);

    private static float Gap(int side) => Math.Max(3, side / 80f);

    private static void DrawLabel(SKCanvas canvas, SceneObject o, int side)
    {
        using var font = new SKFont(SKTypeface.Default, FontSize(o.Body, side));
        // Thin strokes in ink: the vision pass drops them as not solid and not body-colored; it never reads them.
        using var paint = new SKPaint { Color = SketchColor.Ink, IsAntialias = true };
        var baseline = o.Body.Bottom + Gap(side) + (font.Size * 0.8f);
        // A label wider than its object is clipped: touching a neighbour would merge the two in the vision pass.
        canvas.Save();
        canvas.ClipRect(new SKRect(o.Body.Left, o.Body.Bottom + 1, o.Body.Right, o.Body.Bottom + LabelBand(o.Body, side)));
        canvas.DrawText(o.Class.Name, o.Body.MidX, baseline, SKTextAlign.Center, font, paint);
        canvas.Restore();
    }
}

using SkiaSharp;

namespace GenAgent.Sketch.Tests;

/// <summary>Test scenes with their ground truth, and the pixel edits the adversarial tests make to them.</summary>
internal static class Scenes
{
    public static (byte[] Png, IReadOnlyList<SceneObject> Objects) Clean(string caption, int side, long seed = 3) =>
        SketchGenerator.RenderScene(CaptionParser.Parse(caption), caption, side, side, seed, withMistakes: false, out _);

    /// <summary>Draws on a copy of <paramref name="png"/>.</summary>
    public static byte[] Edit(byte[] png, Action<SKCanvas, SKBitmap> draw)
    {
        using var bitmap = SketchVision.Decode(png);
        using var copy = bitmap.Copy();
        using (var canvas = new SKCanvas(copy))
        {
            draw(canvas, bitmap);
        }

        return ImageDegradation.Png(copy);
    }

    /// <summary>Paints paper over <paramref name="rect"/>.</summary>
    public static void Erase(SKCanvas canvas, SKRect rect)
    {
        using var paper = new SKPaint { Color = SketchColor.Paper, IsAntialias = false };
        canvas.DrawRect(rect, paper);
    }

    /// <summary>The object's body with its outline, a little grown.</summary>
    public static SKRect Around(SceneObject o, int side)
    {
        var r = o.Body;
        r.Inflate(Pictograms.OutlineWidth(side) + 2, Pictograms.OutlineWidth(side) + 2);
        return r;
    }

    /// <summary>The label band under an object: where its name is written.</summary>
    public static SKRect Label(SceneObject o, int side)
    {
        var body = Around(o, side);
        return new SKRect(body.Left - 4, body.Bottom, body.Right + 4, o.Footprint(side).Bottom + 3);
    }

    /// <summary>A free square of paper at least <paramref name="width"/> x <paramref name="height"/>, searched on a grid.</summary>
    public static SKPointI FreeSpot(SKBitmap bitmap, int width, int height)
    {
        var paper = Segmenter.EstimatePaper(bitmap.Pixels, bitmap.Width, bitmap.Height);
        for (var y = 4; y + height + 4 < bitmap.Height; y += 8)
        {
            for (var x = 4; x + width + 4 < bitmap.Width; x += 8)
            {
                if (AllPaper(x - 4, y - 4, width + 8, height + 8))
                {
                    return new SKPointI(x, y);
                }
            }
        }

        throw new InvalidOperationException("No free spot in the scene.");

        bool AllPaper(int x0, int y0, int w, int h)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    if (SketchColor.Distance(bitmap.GetPixel(x, y), paper) > 10)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}

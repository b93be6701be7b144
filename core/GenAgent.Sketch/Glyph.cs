using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>
/// A pictogram's silhouette in a unit box (u across, v down, both 0..1): filled parts joined into one body, and cut-outs
/// (windows, eyes, gaps) that show the paper through it. Circles take their radius as a fraction of the box height and
/// stay round in boxes of any aspect.
/// </summary>
internal sealed class Glyph
{
    private readonly List<(bool Cut, Func<SKRect, SKPath> Part)> _parts = [];
    private bool _cut;

    /// <summary>The parts that follow are filled.</summary>
    public Glyph Add
    {
        get
        {
            _cut = false;
            return this;
        }
    }

    /// <summary>The parts that follow are cut out of what is filled so far.</summary>
    public Glyph Cut
    {
        get
        {
            _cut = true;
            return this;
        }
    }

    public Glyph Rect(float u0, float v0, float u1, float v1) =>
        Part(b => Path(p => p.AddRect(Box(b, u0, v0, u1, v1))));

    /// <summary>A rectangle with rounded corners (radius a quarter of its shorter side).</summary>
    public Glyph Round(float u0, float v0, float u1, float v1) => Part(b =>
    {
        var r = Box(b, u0, v0, u1, v1);
        var radius = Math.Min(r.Width, r.Height) * 0.25f;
        return Path(p => p.AddRoundRect(r, radius, radius));
    });

    public Glyph Oval(float u0, float v0, float u1, float v1) =>
        Part(b => Path(p => p.AddOval(Box(b, u0, v0, u1, v1))));

    /// <summary>A circle centred at (u, v) whose radius is <paramref name="r"/> of the box height.</summary>
    public Glyph Disk(float u, float v, float r) =>
        Part(b => Path(p => p.AddCircle(b.Left + (u * b.Width), b.Top + (v * b.Height), r * b.Height)));

    /// <summary>A polygon through (u, v) pairs.</summary>
    public Glyph Poly(params float[] uv)
    {
        if (uv.Length < 6 || uv.Length % 2 != 0)
        {
            throw new ArgumentException("A polygon needs at least three (u, v) pairs.", nameof(uv));
        }

        return Part(b => Path(p => p.AddPoly([.. Enumerable.Range(0, uv.Length / 2).Select(i => new SKPoint(b.Left + (uv[2 * i] * b.Width), b.Top + (uv[(2 * i) + 1] * b.Height)))])));
    }

    /// <summary>The upper half of the ellipse in the box, closed along its diameter.</summary>
    public Glyph TopHalf(float u0, float v0, float u1, float v1) => Part(b =>
    {
        var r = Box(b, u0, v0, u1, v1);
        return Path(p =>
        {
            p.AddArc(new SKRect(r.Left, r.Top, r.Right, r.Bottom + r.Height), 180, 180);
            p.Close();
        });
    });

    /// <summary>The lower half of the ellipse in the box, closed along its diameter.</summary>
    public Glyph BottomHalf(float u0, float v0, float u1, float v1) => Part(b =>
    {
        var r = Box(b, u0, v0, u1, v1);
        return Path(p =>
        {
            p.AddArc(new SKRect(r.Left, r.Top - r.Height, r.Right, r.Bottom), 0, 180);
            p.Close();
        });
    });

    /// <summary>The silhouette fitted to <paramref name="box"/>: the union of the filled parts less every cut-out.</summary>
    public SKPath Build(SKRect box)
    {
        var body = new SKPath();
        foreach (var (cut, part) in _parts)
        {
            using var piece = part(box);
            using var next = body.Op(piece, cut ? SKPathOp.Difference : SKPathOp.Union)
                ?? throw new InvalidOperationException("Skia could not combine the parts of a pictogram.");
            body.Dispose();
            body = new SKPath(next);
        }

        return body;
    }

    private Glyph Part(Func<SKRect, SKPath> part)
    {
        _parts.Add((_cut, part));
        return this;
    }

    private static SKRect Box(SKRect b, float u0, float v0, float u1, float v1) =>
        new(b.Left + (u0 * b.Width), b.Top + (v0 * b.Height), b.Left + (u1 * b.Width), b.Top + (v1 * b.Height));

    private static SKPath Path(Action<SKPath> draw)
    {
        var p = new SKPath();
        draw(p);
        return p;
    }
}

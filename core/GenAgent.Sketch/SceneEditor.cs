using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>A scene read back from pixels, changed one operation at a time; re-lays everything out only when an object finds no room.</summary>
internal sealed class SceneEditor(int width, int height, Random random)
{
    private const float Grow = 1.5f;
    private const float Shrink = 0.6f;

    public List<SceneObject> Objects { get; } = [];

    public Random Random { get; } = random;

    private int Side => Math.Min(width, height);

    public void Apply(EditOperation op)
    {
        var targets = Objects.Where(o => o.Class.Name == op.Class && (op.FromColor is null || o.Color == op.FromColor)).ToList();
        switch (op.Kind)
        {
            case EditKind.Recolor:
                foreach (var t in targets)
                {
                    Objects[Objects.IndexOf(t)] = t with { Color = op.Color! };
                }

                break;
            case EditKind.Remove:
                foreach (var t in targets.OrderByDescending(o => o.Body.Top + o.Body.Left).Take(op.Count ?? targets.Count))
                {
                    Objects.Remove(t);
                }

                break;
            case EditKind.Add:
                var cls = SketchVocabulary.Get(op.Class);
                var (w, h) = NewSize(cls, targets);
                for (var k = 0; k < (op.Count ?? 1); k++)
                {
                    var color = op.Color ?? (targets.Count > 0 ? targets[0].Color : cls.TypicalColor);
                    Place(new SceneObject(cls, color, SKRect.Create(0, 0, w, h)), op.Region);
                }

                break;
            case EditKind.Move:
                foreach (var t in targets.Where(t => !InRegion(t.Body, op.Region)))
                {
                    Objects.Remove(t);
                    Place(t, op.Region);
                }

                break;
            case EditKind.Resize:
                var factor = op.Size == SizeHint.Larger ? Grow : Shrink;
                foreach (var t in targets)
                {
                    Objects.Remove(t);
                    var body = SKRect.Create(0, 0, t.Body.Width * factor, t.Body.Height * factor);
                    body.Offset(t.Body.MidX - body.MidX, t.Body.MidY - body.MidY);
                    var resized = t with { Body = body };
                    if (Fits(resized))
                    {
                        Objects.Add(resized);
                    }
                    else
                    {
                        Place(resized, RegionOf(t.Body));
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op.Kind, "Unknown edit kind.");
        }
    }

    private (float Width, float Height) NewSize(SketchClass cls, List<SceneObject> sameClass)
    {
        var height = sameClass.Count > 0 ? sameClass.Average(o => o.Body.Height)
            : Objects.Count > 0 ? Objects.Average(o => Math.Sqrt(o.Body.Width * o.Body.Height / o.Class.Aspect))
            : Side / 4.0;
        var h = (float)Math.Min(height, Side / 2.5);
        return (Math.Min(h * cls.Aspect, width * 0.45f), Math.Min(h * cls.Aspect, width * 0.45f) / cls.Aspect);
    }

    /// <summary>Puts <paramref name="o"/> at the free spot in <paramref name="region"/> farthest from everything else, shrinking it if needed.</summary>
    private void Place(SceneObject o, SketchRegion region)
    {
        var body = o.Body;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            if (FreeSpot(body, region) is { } spot)
            {
                Objects.Add(o with { Body = spot });
                return;
            }

            body = SKRect.Create(0, 0, body.Width * 0.8f, body.Height * 0.8f);
        }

        Relayout(o with { Body = body }, region);
    }

    private SKRect? FreeSpot(SKRect body, SketchRegion region)
    {
        var area = Area(region);
        var step = Math.Max(2, Side / 48f);
        var band = SceneRenderer.LabelBand(body, Side);
        SKRect? best = null;
        var bestClearance = double.MinValue;
        for (var y = area.Top; y + body.Height + band <= area.Bottom; y += step)
        {
            for (var x = area.Left; x + body.Width <= area.Right; x += step)
            {
                var candidate = SKRect.Create(MathF.Round(x), MathF.Round(y), MathF.Round(body.Width), MathF.Round(body.Height));
                if (!Fits(candidate) || (region != SketchRegion.None && !InRegion(candidate, region)))
                {
                    continue;
                }

                var clearance = Objects.Count == 0 ? 0 : Objects.Min(other => Distance(candidate, other.Body));
                clearance += Random.NextDouble() * step;
                if (clearance > bestClearance)
                {
                    bestClearance = clearance;
                    best = candidate;
                }
            }
        }

        return best;
    }

    private bool Fits(SceneObject o) => Fits(o.Body) && o.Body.Left >= 0 && o.Body.Top >= 0 && o.Footprint(Side).Right <= width && o.Footprint(Side).Bottom <= height;

    private bool Fits(SKRect body)
    {
        var margin = Math.Max(3, Side / 64f);
        var mine = new SKRect(body.Left - margin, body.Top - margin, body.Right + margin, body.Bottom + SceneRenderer.LabelBand(body, Side) + margin);
        return body.Left >= 0 && body.Top >= 0 && mine.Right - margin <= width && mine.Bottom - margin <= height
            && Objects.All(other => !other.Footprint(Side).IntersectsWith(mine));
    }

    /// <summary>No room: lay the whole scene out again, each object kept in the halves it already occupied.</summary>
    private void Relayout(SceneObject added, SketchRegion region)
    {
        var maxArea = Objects.Append(added).Max(o => o.Body.Width * o.Body.Height);
        var items = Objects.Select(o => Item(o, Halves(o.Body), maxArea)).ToList();
        var wanted = region switch
        {
            SketchRegion.Left or SketchRegion.Right => (region, SketchRegion.None),
            SketchRegion.Top or SketchRegion.Bottom => (SketchRegion.None, region),
            _ => (SketchRegion.None, SketchRegion.None),
        };
        items.Add(Item(added, region == SketchRegion.None ? (SketchRegion.None, SketchRegion.None) : wanted, maxArea));
        var placed = SceneLayout.Place(items, width, height, Random);
        Objects.Clear();
        Objects.AddRange(placed);
    }

    private static LayoutItem Item(SceneObject o, (SketchRegion Horizontal, SketchRegion Vertical) halves, float maxArea) =>
        new(o.Class, o.Color, halves.Horizontal, halves.Vertical, Math.Clamp((float)Math.Sqrt(o.Body.Width * o.Body.Height / maxArea), 0.4f, 1f));

    private (SketchRegion, SketchRegion) Halves(SKRect body)
    {
        var h = Math.Abs(body.MidX - (width / 2f)) < width * 0.03f ? SketchRegion.None : body.MidX < width / 2f ? SketchRegion.Left : SketchRegion.Right;
        var v = Math.Abs(body.MidY - (height / 2f)) < height * 0.03f ? SketchRegion.None : body.MidY < height / 2f ? SketchRegion.Top : SketchRegion.Bottom;
        return (h, v);
    }

    private SketchRegion RegionOf(SKRect body) => Halves(body) is var (h, v) && h != SketchRegion.None ? h : v;

    private SKRect Area(SketchRegion region)
    {
        var m = Math.Max(3, Side / 64f);
        return region switch
        {
            SketchRegion.Left => new SKRect(m, m, (width / 2f) + (width / 8f), height - m),
            SketchRegion.Right => new SKRect((width / 2f) - (width / 8f), m, width - m, height - m),
            SketchRegion.Top => new SKRect(m, m, width - m, (height / 2f) + (height / 8f)),
            SketchRegion.Bottom => new SKRect(m, (height / 2f) - (height / 8f), width - m, height - m),
            _ => new SKRect(m, m, width - m, height - m),
        };
    }

    private bool InRegion(SKRect body, SketchRegion region) => region switch
    {
        SketchRegion.Left => body.MidX < width / 2f,
        SketchRegion.Right => body.MidX > width / 2f,
        SketchRegion.Top => body.MidY < height / 2f,
        SketchRegion.Bottom => body.MidY > height / 2f,
        _ => true,
    };

    private static double Distance(SKRect a, SKRect b)
    {
        var dx = Math.Max(0, Math.Max(a.Left - b.Right, b.Left - a.Right));
        var dy = Math.Max(0, Math.Max(a.Top - b.Bottom, b.Top - a.Bottom));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}

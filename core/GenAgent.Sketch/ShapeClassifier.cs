using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>
/// Names a segment's class by its shape: the nearest of the prototypes rendered from every class's pictogram (at
/// several sizes and outline widths, and mirrored), or nothing when no prototype is near. The prototypes are drawn
/// when the classifier is built, so nothing learned is stored; building takes well under a second.
/// </summary>
internal sealed class ShapeClassifier
{
    private static readonly (int ShortSide, int Outline)[] Renders = [(18, 1), (36, 1), (72, 2), (64, 3), (110, 4)];

    private readonly List<(SketchClass Class, ShapeDescriptor Shape)> _prototypes = [];

    public ShapeClassifier(int grid, double aspectWeight, double maxDistance)
    {
        Grid = grid;
        AspectWeight = aspectWeight;
        MaxDistance = maxDistance;
        foreach (var cls in SketchVocabulary.Classes)
        {
            foreach (var (shortSide, outline) in Renders)
            {
                var shape = Prototype(cls, shortSide, outline, grid);
                _prototypes.Add((cls, shape));
                _prototypes.Add((cls, shape.Mirrored()));
            }

        }
    }

    public int Grid { get; }

    public double AspectWeight { get; }

    public double MaxDistance { get; }

    /// <summary>The nearest class and its distance, and the runner-up class's distance.</summary>
    public (SketchClass Class, double Distance, double Second) Nearest(ShapeDescriptor shape)
    {
        SketchClass? best = null;
        var bestDistance = double.MaxValue;
        var perClass = new Dictionary<SketchClass, double>();
        foreach (var (cls, prototype) in _prototypes)
        {
            var d = shape.DistanceTo(prototype, AspectWeight);
            if (!perClass.TryGetValue(cls, out var seen) || d < seen)
            {
                perClass[cls] = d;
            }

            if (d < bestDistance)
            {
                (best, bestDistance) = (cls, d);
            }
        }

        var second = perClass.Where(p => p.Key != best).Min(p => p.Value);
        return (best!, bestDistance, second);
    }

    /// <summary>The class of <paramref name="segment"/>, or null when its shape is like no pictogram.</summary>
    public SketchClass? Classify(Segment segment)
    {
        var (cls, distance, _) = Nearest(ShapeDescriptor.Of(segment, Grid));
        return distance <= MaxDistance ? cls : null;
    }

    /// <summary>The descriptor of <paramref name="cls"/> drawn alone on paper, segmented as any image would be.</summary>
    internal static ShapeDescriptor Prototype(SketchClass cls, int shortSide, int outline, int grid)
    {
        var (w, h) = cls.Aspect >= 1 ? ((int)MathF.Round(shortSide * cls.Aspect), shortSide) : (shortSide, (int)MathF.Round(shortSide / cls.Aspect));
        var margin = 8;
        using var bitmap = new SKBitmap(new SKImageInfo(w + (2 * margin), h + (2 * margin), SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SketchColor.Paper);
            Pictograms.Draw(canvas, cls, SKRect.Create(margin, margin, w, h), SketchColor.Palette[cls.TypicalColor], outline * 256);
        }

        var segment = Segmenter.Find(bitmap, side: 256).MaxBy(s => s.Pixels.Length)
            ?? throw new InvalidOperationException($"The pictogram of {cls.Name} drew nothing.");
        return ShapeDescriptor.Of(segment, grid);
    }
}

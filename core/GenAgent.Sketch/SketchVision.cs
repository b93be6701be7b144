using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>
/// Finds objects in an image from its pixels alone (PNG, JPEG or WebP): <see cref="Segmenter"/> cuts the drawing into
/// solid colored regions, <see cref="ShapeClassifier"/> names each by its silhouette, and the region's box gives its
/// position and size. It knows what each class looks like, never what a generator meant to draw.
/// </summary>
public static class SketchVision
{
    /// <summary>The evaluator's settings: the image at full resolution, a fine shape grid.</summary>
    private static readonly Lazy<ShapeClassifier> Evaluator = new(() => new ShapeClassifier(grid: 12, aspectWeight: 0.35, maxDistance: 0.3));

    public static IReadOnlyList<DetectedObject> Detect(byte[] image)
    {
        using var bitmap = Decode(image);
        return Detect(bitmap, Evaluator.Value);
    }

    internal static IReadOnlyList<DetectedObject> Detect(SKBitmap bitmap, ShapeClassifier classifier)
    {
        var side = Math.Min(bitmap.Width, bitmap.Height);
        var found = new List<DetectedObject>();
        foreach (var segment in Segmenter.Find(bitmap, side))
        {
            if (classifier.Classify(segment) is { } cls)
            {
                found.Add(new DetectedObject(cls.Name, segment.Color, segment.Box));
            }
        }

        return found;
    }

    /// <summary>Decodes any image Skia reads into RGBA; a clear error for anything else.</summary>
    internal static SKBitmap Decode(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var decoded = SKBitmap.Decode(image) ?? throw new ArgumentException("The bytes are not an image (PNG, JPEG or WebP) that can be decoded.", nameof(image));
        var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(rgba))
        {
            canvas.DrawBitmap(decoded, 0, 0);
        }

        return rgba;
    }
}

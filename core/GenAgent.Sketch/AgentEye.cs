using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>
/// The sketch agent's own sight, weaker than the evaluator's: it sees each image downscaled to at most
/// <see cref="ViewSide"/> pixels on its longer side, as a VLM's image encoder sees a bounded number of patches, and
/// recognizes shapes on a coarser grid that weighs a shape's proportions less. Its misses and false alarms come from
/// that view, not from dice: small objects in crowded scenes blur together or lose their parts, thin shapes lose their
/// cut-outs. It is deterministic: the same image is always seen the same way.
/// </summary>
internal sealed class AgentEye
{
    /// <summary>The longest side of the agent's view, in pixels.</summary>
    public const int ViewSide = 160;

    private static readonly Lazy<ShapeClassifier> Recognizer = new(() => new ShapeClassifier(grid: 7, aspectWeight: 0.15, maxDistance: 0.3));

    public static AgentEye Default { get; } = new();

    /// <summary>What the agent sees in <paramref name="image"/>, with boxes in the image's own pixel coordinates.</summary>
    public IReadOnlyList<DetectedObject> See(byte[] image)
    {
        using var full = SketchVision.Decode(image);
        var scale = Math.Min(1.0, ViewSide / (double)Math.Max(full.Width, full.Height));
        if (scale >= 1)
        {
            return SketchVision.Detect(full, Recognizer.Value);
        }

        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(full.Width * scale)), Math.Max(1, (int)Math.Round(full.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var view = full.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var (sx, sy) = (full.Width / (double)view.Width, full.Height / (double)view.Height);
        return [.. SketchVision.Detect(view, Recognizer.Value).Select(d => d with
        {
            Box = new PixelBox((int)Math.Round(d.Box.X * sx), (int)Math.Round(d.Box.Y * sy), (int)Math.Round(d.Box.Width * sx), (int)Math.Round(d.Box.Height * sy)),
        })];
    }

    /// <summary>The agent's own verdict on <paramref name="image"/> against what it believes the prompt asks for.</summary>
    public JudgeResult Look(byte[] image, Checklist checklist)
    {
        using var codec = SKCodec.Create(new MemoryStream(image)) ?? throw new ArgumentException("The bytes are not an image.", nameof(image));
        return SketchJudge.Judge(See(image), checklist, codec.Info.Width, codec.Info.Height);
    }
}

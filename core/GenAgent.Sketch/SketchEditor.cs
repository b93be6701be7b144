using GenAgent.Core.Tools;
using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>The offline editor: reads the scene from the image's pixels, applies the instruction, redraws.</summary>
public sealed class SketchEditor : IImageEditor
{
    /// <summary>Chance that one operation silently does not take, like an edit model ignoring part of a prompt.</summary>
    public const double SkipRate = 0.05;

    public Task<GeneratedImage> EditAsync(EditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var png = Edit(request.SourcePng, request.Instruction ?? string.Empty, request.Width, request.Height, request.Seed, SkipRate, out _);
        return Task.FromResult(new GeneratedImage(png, request.Width, request.Height, 0m));
    }

    internal static byte[] Edit(byte[] source, string instruction, int width, int height, long seed, double skipRate, out IReadOnlyList<string> skipped)
    {
        SketchGenerator.CheckSize(width, height);
        IReadOnlyList<EditOperation> operations;
        try
        {
            operations = EditInstructionParser.Parse(instruction);
        }
        catch (FormatException ex)
        {
            throw new PermanentToolException($"The sketch editor did not understand the instruction. {ex.Message} It understands: {EditInstructionParser.Understood}.", ex);
        }

        using var bitmap = SKBitmap.Decode(source) ?? throw new PermanentToolException("The source image is not a PNG the sketch editor can read.");
        var (sx, sy) = (width / (float)bitmap.Width, height / (float)bitmap.Height);
        var side = Math.Min(width, height);
        var inset = Math.Max(1, side / 256f) / 2;
        var scene = new SceneEditor(width, height, new Random(StableHash.Seed(instruction, seed)));
        foreach (var d in SketchVision.Detect(source))
        {
            var cls = SketchVocabulary.Get(d.Class);
            var body = new SKRect(d.Box.X * sx, d.Box.Y * sy, (d.Box.X + d.Box.Width) * sx, (d.Box.Y + d.Box.Height) * sy);
            body.Inflate(-inset, -inset);
            scene.Objects.Add(new SceneObject(cls, d.Color ?? cls.TypicalColor, body));
        }

        var notes = new List<string>();
        foreach (var op in operations)
        {
            if (scene.Random.NextDouble() < skipRate)
            {
                notes.Add($"{op.Kind} {op.Class} did not take");
                continue;
            }

            scene.Apply(op);
        }

        skipped = notes;
        return SceneRenderer.Render(scene.Objects, width, height);
    }
}

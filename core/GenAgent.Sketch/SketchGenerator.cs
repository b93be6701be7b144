using GenAgent.Core.Tools;

namespace GenAgent.Sketch;

/// <summary>The offline generator: parses a caption into a scene and draws it, with seeded, plausible mistakes.</summary>
public sealed class SketchGenerator : IImageGenerator
{
    public const int MinSide = 64;
    public const int MaxSide = 2048;

    public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var png = Render(CaptionParser.Parse(request.Caption ?? string.Empty), request.Caption ?? string.Empty, request.Width, request.Height, request.Seed, withMistakes: true, out _);
        return Task.FromResult(new GeneratedImage(png, request.Width, request.Height, 0m));
    }

    /// <summary>Draws <paramref name="spec"/>; the same (caption, seed, size) always gives the same bytes.</summary>
    internal static byte[] Render(SceneSpec spec, string caption, int width, int height, long seed, bool withMistakes, out IReadOnlyList<string> mistakes) =>
        RenderScene(spec, caption, width, height, seed, withMistakes, out mistakes).Png;

    /// <summary>Draws <paramref name="spec"/> and returns what was drawn where: the ground truth tests and audits score the vision against.</summary>
    internal static (byte[] Png, IReadOnlyList<SceneObject> Objects) RenderScene(SceneSpec spec, string caption, int width, int height, long seed, bool withMistakes, out IReadOnlyList<string> mistakes)
    {
        CheckSize(width, height);
        var rng = new Random(StableHash.Seed(caption, seed));
        var notes = new List<string>();
        var items = MistakeModel.Apply(spec, rng, withMistakes, notes);
        mistakes = notes;
        var objects = SceneLayout.Place(items, width, height, rng);
        return (SceneRenderer.Render(objects, width, height), objects);
    }

    internal static void CheckSize(int width, int height)
    {
        if (width < MinSide || height < MinSide || width > MaxSide || height > MaxSide)
        {
            throw new PermanentToolException($"The sketch generator draws images from {MinSide} to {MaxSide} pixels a side; {width}x{height} was asked.");
        }
    }
}

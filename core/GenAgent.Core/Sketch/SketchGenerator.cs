using GenAgent.Core.Tools;

namespace GenAgent.Core.Sketch;

/// <summary>The offline generator: parses a caption into a scene and draws it, with seeded, plausible mistakes.</summary>
public sealed class SketchGenerator : IImageGenerator
{
    public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException("sketch helper");
}

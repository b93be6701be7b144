using GenAgent.Core.Tools;

namespace GenAgent.Core.Sketch;

/// <summary>The offline editor: reads the scene from the image's pixels, applies the instruction, redraws.</summary>
public sealed class SketchEditor : IImageEditor
{
    public Task<GeneratedImage> EditAsync(EditRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException("sketch helper");
}

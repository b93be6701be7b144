using GenAgent.Core.Backends.Offline;
using GenAgent.Core.Tools;
using IChatClient = Microsoft.Extensions.AI.IChatClient;

namespace GenAgent.Sketch;

/// <summary>The offline world behind the <c>sketch</c> backend name; the agent library finds it by its type name.</summary>
public sealed class SketchWorld : IOfflineWorld
{
    public IChatClient CreateAgent() => new SketchAgent();

    public IImageGenerator CreateGenerator() => new SketchGenerator();

    public IImageEditor CreateEditor() => new SketchEditor();
}

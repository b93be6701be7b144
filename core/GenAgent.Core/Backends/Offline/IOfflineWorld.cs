using GenAgent.Core.Tools;
using IChatClient = Microsoft.Extensions.AI.IChatClient;

namespace GenAgent.Core.Backends.Offline;

/// <summary>The backends of the <c>sketch</c> name: an agent, a generator and an editor that need no GPU and no keys.</summary>
public interface IOfflineWorld
{
    IChatClient CreateAgent();

    IImageGenerator CreateGenerator();

    IImageEditor CreateEditor();
}

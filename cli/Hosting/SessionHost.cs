using GenAgent.Core.Images;
using GenAgent.Workflow.Engine;

namespace GenAgent.Cli.Hosting;

/// <summary>An engine and the image store its activities write to (the CLI reads results from the same store).</summary>
internal sealed class SessionHost(ISessionEngine engine, IImageStore store, IAsyncDisposable? services = null) : IAsyncDisposable
{
    public ISessionEngine Engine { get; } = engine;

    public IImageStore Store { get; } = store;

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        if (services is not null) await services.DisposeAsync();
    }
}

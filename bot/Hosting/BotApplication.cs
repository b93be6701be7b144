using GenAgent.Workflow.Engine;
using Microsoft.Extensions.Hosting;

namespace GenAgent.Bot.Hosting;

/// <summary>The built worker and the engine it owns; disposing stops both.</summary>
internal sealed class BotApplication(IHost host, HostedEngine engine, BotSettings settings) : IAsyncDisposable
{
    public IHost Host { get; } = host;

    public BotSettings Settings { get; } = settings;

    public IServiceProvider Services => Host.Services;

    public async ValueTask DisposeAsync()
    {
        if (Host is IAsyncDisposable asyncHost) await asyncHost.DisposeAsync().ConfigureAwait(false);
        else Host.Dispose();
        await engine.DisposeAsync().ConfigureAwait(false);
    }
}

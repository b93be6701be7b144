using GenAgent.Core.Images;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Workflow.Engine;

/// <summary>
/// The one way a self-host (<c>genagent run</c>, <c>serve</c>, <c>eval</c>, the bot, the benchmarks) builds its engine:
/// in-process by default, the Azure Storage engine when <paramref name="durable"/> names a storage account, with the
/// activities' services (agent, tools, store, Discord posts) from what <c>configure</c> adds. It owns the engine and
/// the services it runs on, and the store it writes images to.
/// </summary>
public sealed class HostedEngine : IAsyncDisposable
{
    private readonly ServiceProvider? _owned;

    private HostedEngine(ISessionEngine engine, IServiceProvider services, ServiceProvider? owned)
    {
        Engine = engine;
        Services = services;
        Store = services.GetRequiredService<IImageStore>();
        _owned = owned;
    }

    public ISessionEngine Engine { get; }

    /// <summary>What the engine's activities resolve from.</summary>
    public IServiceProvider Services { get; }

    public IImageStore Store { get; }

    /// <param name="configure">The activities' services; it must register an <see cref="IImageStore"/> (AddGenAgentCore does).</param>
    /// <param name="durable">The storage account and task hub of the Azure Storage engine; null for the in-process one.</param>
    public static async Task<HostedEngine> CreateAsync(
        Action<IServiceCollection> configure, AzureStorageEngineOptions? durable = null, WorkflowOptions? workflow = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (durable is null)
        {
            var inProcess = await InProcessSessionEngine.CreateAsync(configure, workflow, cancellationToken).ConfigureAwait(false);
            try
            {
                return new HostedEngine(inProcess, inProcess.Services, owned: null);
            }
            catch
            {
                // No image store registered: the engine just started must not outlive the error.
                await inProcess.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        var services = new ServiceCollection().AddGenAgentWorkflow(workflow);
        configure(services);
        var provider = services.BuildServiceProvider();
        try
        {
            var engine = await AzureStorageSessionEngine.CreateAsync(durable, provider, workflow, cancellationToken).ConfigureAwait(false);
            try
            {
                return new HostedEngine(engine, provider, provider);
            }
            catch
            {
                await engine.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        if (_owned is not null) await _owned.DisposeAsync().ConfigureAwait(false);
    }
}

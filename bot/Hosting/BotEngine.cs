using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Bot.Hosting;

/// <summary>
/// The worker's own session engine: in-process by default, the Azure Storage engine when a durable connection string
/// is set. Its activities resolve their services (the agent, the tools, the store and the Discord progress posts) from
/// what <paramref name="configure"/> adds, as <c>genagent serve</c> does.
/// </summary>
internal sealed class BotEngine(ISessionEngine engine, IImageStore store, ServiceProvider? provider) : IAsyncDisposable
{
    public ISessionEngine Engine { get; } = engine;

    public IImageStore Store { get; } = store;

    public static async Task<BotEngine> CreateAsync(BotSettings settings, Action<IServiceCollection> configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configure);
        void Configure(IServiceCollection services)
        {
            services.AddGenAgentCore(settings.GenAgent);
            configure(services);
        }

        if (settings.Durable is null)
        {
            var inProcess = await InProcessSessionEngine.CreateAsync(Configure, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BotEngine(inProcess, inProcess.Services.GetRequiredService<IImageStore>(), null);
        }

        var services = new ServiceCollection().AddGenAgentWorkflow();
        Configure(services);
        var built = services.BuildServiceProvider();
        try
        {
            var durable = await AzureStorageSessionEngine.CreateAsync(
                new AzureStorageEngineOptions(settings.Durable, settings.TaskHub), built, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BotEngine(durable, built.GetRequiredService<IImageStore>(), built);
        }
        catch
        {
            await built.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        if (provider is not null) await provider.DisposeAsync().ConfigureAwait(false);
    }
}

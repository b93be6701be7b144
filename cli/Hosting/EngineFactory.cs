using Azure;
using GenAgent.Core.Configuration;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Cli.Hosting;

/// <summary>Picks the engine: in-process by default, Azure Storage (durable, resumable) when <c>--store</c> is given.</summary>
internal static class EngineFactory
{
    /// <summary>Durable mode keeps images in the same storage account (blob container <c>GenAgent:Store:Container</c>).</summary>
    public static void UseDurableStore(GenAgentOptions options, string connectionString)
    {
        // A resumed session may run in another process or on another machine, so its images must live in the account too.
        options.Store.Kind = "blob";
        options.Store.ConnectionString = connectionString;
    }

    /// <param name="extra">More services for the engine's activities (Discord's progress posts), after the core's.</param>
    public static async Task<HostedEngine> CreateAsync(
        GenAgentOptions options, string? durableStore, string taskHub, CancellationToken cancellationToken, Action<IServiceCollection>? extra = null)
    {
        if (durableStore is not null) UseDurableStore(options, durableStore);
        try
        {
            return await HostedEngine.CreateAsync(
                services => Configure(services, options, extra),
                durableStore is null ? null : new AzureStorageEngineOptions(durableStore, taskHub),
                cancellationToken: cancellationToken);
        }
        catch (Exception unreachable) when (durableStore is not null && IsStorageUnreachable(unreachable))
        {
            throw new CliException($"cannot reach the storage account of --store ({unreachable.Message}); check the connection string, or start Azurite for UseDevelopmentStorage=true.", ExitCodes.Failed);
        }
    }

    private static bool IsStorageUnreachable(Exception exception) =>
        exception is RequestFailedException or HttpRequestException || exception.InnerException is { } inner && IsStorageUnreachable(inner);

    private static void Configure(IServiceCollection services, GenAgentOptions options, Action<IServiceCollection>? extra)
    {
        services.AddGenAgentCore(options);
        services.AddLogging(logging => logging
            .ClearProviders()
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        extra?.Invoke(services);
    }
}

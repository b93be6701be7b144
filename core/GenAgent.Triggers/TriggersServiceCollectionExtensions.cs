using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using GenAgent.Core.Images;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Events;
using GenAgent.Triggers.Queues;
using GenAgent.Triggers.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GenAgent.Triggers;

public static class TriggersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the trigger handlers. The host registers what they run on: an <c>ISessionEngine</c>, the
    /// <see cref="IImageStore"/> (a <see cref="BlobImageStore"/> for the retention job), a <see cref="BlobServiceClient"/>,
    /// a <see cref="QueueServiceClient"/> and the server's <c>StartRules</c> (<c>AddGenAgentApi</c> registers them); optionally an <see cref="IRequestFileScheduler"/> and an
    /// <see cref="IOrchestrationHistoryPurger"/>.
    /// </summary>
    public static IServiceCollection AddGenAgentTriggers(this IServiceCollection services, TriggerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new TriggerOptions());
        services.AddLogging();
        services.TryAddSingleton<BlobRequestsRunner>();
        services.TryAddSingleton<CloudEventsHandler>();
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<QueueRequestHandler>(
            sp, sp.GetRequiredService<QueueServiceClient>().GetQueueClient(sp.GetRequiredService<TriggerOptions>().PoisonQueue)));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<RetentionJob>(
            sp, sp.GetRequiredService<IImageStore>() is BlobImageStore blob
                ? blob.Container
                : throw new InvalidOperationException("The retention job needs the blob image store (GenAgent:Store:Kind = blob).")));
        return services;
    }
}

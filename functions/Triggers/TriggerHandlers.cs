using GenAgent.Functions.Engine;
using GenAgent.Triggers;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Events;
using GenAgent.Triggers.Queues;
using GenAgent.Triggers.Retention;
using GenAgent.Workflow;
using Azure.Storage.Queues;
using GenAgent.Core.Images;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Triggers;

/// <summary>
/// Builds the GenAgent.Triggers handlers for one invocation. They start sessions through an engine, and in Functions
/// the engine rides on the durable client the binding hands that invocation, so they cannot be singletons.
/// </summary>
public sealed class TriggerHandlers(IServiceProvider services)
{
    public CloudEventsHandler Events(DurableTaskClient client)
    {
        var engine = Engine(client);
        IRequestFileScheduler scheduler = Scheduler(client);
        return ActivatorUtilities.CreateInstance<CloudEventsHandler>(services, engine, Files(engine), scheduler);
    }

    public BlobRequestsRunner Files(DurableTaskClient client) => Files(Engine(client));

    public DurableRequestFileScheduler Scheduler(DurableTaskClient client) => new(client);

    public QueueRequestHandler Queue(DurableTaskClient client)
    {
        var options = services.GetRequiredService<TriggerOptions>();
        var poison = services.GetRequiredService<QueueServiceClient>().GetQueueClient(options.PoisonQueue);
        return ActivatorUtilities.CreateInstance<QueueRequestHandler>(services, Engine(client), poison);
    }

    public RetentionJob Retention(DurableTaskClient client)
    {
        var store = services.GetRequiredService<IImageStore>() as BlobImageStore
            ?? throw new InvalidOperationException("The retention job needs the blob image store (GenAgent:Store:Kind = blob).");
        IOrchestrationHistoryPurger purger = new DurableTaskClientHistoryPurger(client);
        return ActivatorUtilities.CreateInstance<RetentionJob>(services, store.Container, purger);
    }

    private BlobRequestsRunner Files(DurableFunctionsSessionEngine engine) =>
        ActivatorUtilities.CreateInstance<BlobRequestsRunner>(services, engine);

    public DurableFunctionsSessionEngine Engine(DurableTaskClient client) =>
        new(client, services.GetRequiredService<WorkflowOptions>());
}

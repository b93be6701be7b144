using DurableTask.AzureStorage;
using DurableTask.Core;
using GenAgent.Workflow.Activities;
using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using CoreTaskActivity = DurableTask.Core.TaskActivity;

namespace GenAgent.Workflow.Engine;

/// <summary>
/// Runs sessions on Azure Storage (or Azurite), the storage model of production Durable Functions: every step is
/// checkpointed, so a new process that opens the same task hub resumes sessions a crashed one left behind.
/// The orchestrator and activities are the same classes the in-process engine runs, hosted through the SDK's shims.
/// </summary>
public sealed class AzureStorageSessionEngine : SessionEngineBase
{
    private readonly TaskHubWorker _worker;
    private readonly TaskHubClient _client;
    private bool _stopped;

    private AzureStorageSessionEngine(TaskHubWorker worker, TaskHubClient client, WorkflowOptions workflow) : base(workflow)
    {
        _worker = worker;
        _client = client;
    }

    protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Opens (creating when needed) the task hub and starts a worker whose activities resolve their services from
    /// <paramref name="services"/>. Sessions already in the hub continue on this worker.
    /// </summary>
    public static async Task<AzureStorageSessionEngine> CreateAsync(
        AzureStorageEngineOptions storage, IServiceProvider services, WorkflowOptions? workflow = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(services);
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = storage.CreateClientProvider(),
            TaskHubName = storage.TaskHubName,
            PartitionCount = 1,
            MaxQueuePollingInterval = storage.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = storage.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = storage.ControlQueueVisibilityTimeout,
            LoggerFactory = loggerFactory,
            // An orchestration stays in memory between its steps instead of reading its history back from the History
            // table at each one, which on Azurite (whose table queries scan) grows with the hub: 576 instant rollouts took
            // 272 s without and 49-57 s with. The idle timeout is short because an idle session holds one of the
            // dispatcher's slots: at 30 s, finished sessions held them all and the same batch took longer.
            ExtendedSessionsEnabled = true,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(2),
        };
        var service = new AzureStorageOrchestrationService(settings);
        cancellationToken.ThrowIfCancellationRequested();
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        // The shims read failure details, not serialized exceptions.
        var worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        worker.AddTaskOrchestrations(new FactoryObjectCreator<TaskOrchestration>(
            WorkflowNames.AgentSession, () => shims.CreateOrchestration(WorkflowNames.AgentSession, new AgentSessionOrchestrator(), parent: null)));
        worker.AddTaskActivities([.. WorkflowNames.Activities.Select(a => Activity(a.Name, a.Type, shims, services))]);
        await worker.StartAsync().ConfigureAwait(false);

        // DTFx's own default converter is Newtonsoft with type names; the shims speak System.Text.Json.
        var client = new TaskHubClient(service, SystemTextJsonDataConverter.Instance, loggerFactory);
        return new AzureStorageSessionEngine(worker, client, workflow ?? services.GetService<WorkflowOptions>() ?? new WorkflowOptions());
    }

    public override async Task<SessionSnapshot?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = await _client.GetOrchestrationStateAsync(sessionId).ConfigureAwait(false);
        if (state is null) return null;
        var status = Map(state.OrchestrationStatus);
        var failure = status == SessionRuntimeStatus.Failed ? state.FailureDetails?.ErrorMessage ?? state.Output : null;
        return Decode(sessionId, status, state.Status, state.Output, failure);
    }

    public override async Task CancelAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = await _client.GetOrchestrationStateAsync(sessionId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Session {sessionId} does not exist.");
        await _client.RaiseEventAsync(state.OrchestrationInstance, WorkflowNames.CancelEvent, eventData: null!).ConfigureAwait(false);
    }

    public override async Task SendFollowUpAsync(string sessionId, string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = await _client.GetOrchestrationStateAsync(sessionId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Session {sessionId} does not exist.");
        await _client.RaiseEventAsync(state.OrchestrationInstance, WorkflowNames.FollowUpEvent, text).ConfigureAwait(false);
    }

    /// <summary>Stops this worker. <paramref name="isForced"/> abandons work in flight, as a crash would; another engine on the hub picks it up.</summary>
    public async Task StopAsync(bool isForced)
    {
        if (_stopped) return;
        _stopped = true;
        await _worker.StopAsync(isForced).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await StopAsync(isForced: false).ConfigureAwait(false);
        _worker.Dispose();
    }

    protected override async Task ScheduleAsync(SessionInput input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _client.CreateOrchestrationInstanceAsync(WorkflowNames.AgentSession, string.Empty, input.SessionId, input).ConfigureAwait(false);
    }

    private static FactoryObjectCreator<CoreTaskActivity> Activity(string name, Type type, DurableTaskShimFactory shims, IServiceProvider services) =>
        new(name, () => shims.CreateActivity(name, (ITaskActivity)ActivatorUtilities.CreateInstance(services, type)));

    private static SessionRuntimeStatus Map(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => SessionRuntimeStatus.Pending,
        OrchestrationStatus.Running or OrchestrationStatus.Suspended or OrchestrationStatus.ContinuedAsNew => SessionRuntimeStatus.Running,
        OrchestrationStatus.Completed => SessionRuntimeStatus.Completed,
        OrchestrationStatus.Failed => SessionRuntimeStatus.Failed,
        OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => SessionRuntimeStatus.Terminated,
        _ => throw new InvalidOperationException($"Unknown orchestration status {status}."),
    };
}

using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.DurableTask.Testing.Sidecar;

namespace GenAgent.Workflow.Engine.InProcess;

/// <summary>
/// The Durable Task in-memory backend with room for many work items. The stock service admits as many orchestration
/// and activity work items as the machine has cores, and its dispatcher then sleeps 0.5 s before it looks again, so
/// with more sessions than cores every step of every session waited (100 offline sessions did not finish in 90 s on
/// 2 cores). Everything else is the in-memory service itself; hand-written because its limits are fixed in the
/// package (Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1) and no option reaches them.
/// </summary>
internal sealed class UnthrottledOrchestrationService(InMemoryOrchestrationService inner, int maxWorkItems)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    public int MaxConcurrentTaskOrchestrationWorkItems => maxWorkItems;

    public int MaxConcurrentTaskActivityWorkItems => maxWorkItems;

    // Everything below is the in-memory service's own behaviour.
    public int TaskOrchestrationDispatcherCount => ((IOrchestrationService)inner).TaskOrchestrationDispatcherCount;

    public int TaskActivityDispatcherCount => ((IOrchestrationService)inner).TaskActivityDispatcherCount;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => ((IOrchestrationService)inner).EventBehaviourForContinueAsNew;

    private IOrchestrationService Service => inner;

    private IOrchestrationServiceClient Client => inner;

    public Task StartAsync() => Service.StartAsync();

    public Task StopAsync() => Service.StopAsync();

    public Task StopAsync(bool isForced) => Service.StopAsync(isForced);

    public Task CreateAsync() => Service.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => Service.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => Service.CreateIfNotExistsAsync();

    public Task DeleteAsync() => Service.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => Service.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        Service.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => Service.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => Service.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        Service.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => Service.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        Service.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => Service.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => Service.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        Service.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => Service.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        Service.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => Service.AbandonTaskActivityWorkItemAsync(workItem);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => Client.CreateTaskOrchestrationAsync(creationMessage);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        Client.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => Client.SendTaskOrchestrationMessageAsync(message);

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => Client.SendTaskOrchestrationMessageBatchAsync(messages);

    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        Client.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => Client.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        Client.GetOrchestrationStateAsync(instanceId, allExecutions);

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => Client.GetOrchestrationStateAsync(instanceId, executionId);

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => Client.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        Client.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        ((IOrchestrationServiceQueryClient)inner).GetOrchestrationWithQueryAsync(query, cancellationToken);

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) =>
        ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(purgeInstanceFilter);
}

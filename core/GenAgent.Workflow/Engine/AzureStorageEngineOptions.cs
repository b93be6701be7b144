namespace GenAgent.Workflow.Engine;

/// <summary>Where the Azure Storage engine keeps its task hub (queues, history and instance tables, leases).</summary>
public sealed record AzureStorageEngineOptions(string ConnectionString, string TaskHubName)
{
    /// <summary>
    /// How long a running activity stays hidden from other workers. The worker renews it while the activity runs, so a
    /// short value only means a crashed worker's activity is picked up sooner.
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an orchestration message a worker took stays hidden. DTFx's default is five minutes, so a process that
    /// died right after starting a session left it pending that long; orchestration episodes take milliseconds.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between queue polls when idle.</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);
}

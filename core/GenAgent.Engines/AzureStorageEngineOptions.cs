using DurableTask.AzureStorage;
using GenAgent.Core.Images;

namespace GenAgent.Workflow.Engine;

/// <summary>
/// Where the Azure Storage engine keeps its task hub (queues, history and instance tables, leases): an account reached
/// by connection string, or by its endpoints with a managed identity (shared-key access off).
/// </summary>
public sealed record AzureStorageEngineOptions(AzureStorageConnection Storage, string TaskHubName)
{
    public AzureStorageEngineOptions(string connectionString, string taskHubName)
        : this(AzureStorageConnection.FromConnectionString(connectionString), taskHubName)
    {
    }

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

    internal StorageAccountClientProvider CreateClientProvider()
    {
        if (Storage.ConnectionString is { } connectionString) return new StorageAccountClientProvider(connectionString);
        // The task hub uses all three services, so an identity-based connection must name each endpoint (accountName does).
        if (Storage is not { BlobServiceUri: { } blob, QueueServiceUri: { } queue, TableServiceUri: { } table, Credential: { } credential })
        {
            throw new InvalidOperationException(
                "The durable engine's storage connection needs blob, queue and table endpoints: set its accountName (or all three *ServiceUri values).");
        }
        return new StorageAccountClientProvider(blob, queue, table, credential);
    }
}

using Microsoft.DurableTask.Client;

namespace GenAgent.Triggers.Retention;

/// <summary>Purges through a <see cref="DurableTaskClient"/>: the Functions app's durable client or the in-process engine's.</summary>
public sealed class DurableTaskClientHistoryPurger(DurableTaskClient client) : IOrchestrationHistoryPurger
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// Queries the finished instances and purges them one by one: the in-memory backend rejects a filtered bulk purge,
    /// and once a day the per-instance calls cost nothing that matters.
    /// </summary>
    public async Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        var query = new OrchestrationQuery { CreatedTo = createdBefore, Statuses = Finished, FetchInputsAndOutputs = false };
        var ids = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
            ids.Add(instance.InstanceId);
        var purged = 0;
        foreach (var id in ids)
        {
            var result = await client.PurgeInstanceAsync(id, cancellation: cancellationToken).ConfigureAwait(false);
            purged += result.PurgedInstanceCount;
        }
        return purged;
    }
}

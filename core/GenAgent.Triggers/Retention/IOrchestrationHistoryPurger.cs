namespace GenAgent.Triggers.Retention;

/// <summary>Deletes the history of finished orchestration instances created before a time; returns how many it purged.</summary>
public interface IOrchestrationHistoryPurger
{
    Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default);
}

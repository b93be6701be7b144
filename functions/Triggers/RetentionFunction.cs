using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GenAgent.Functions.Triggers;

/// <summary>Daily at 02:30 UTC: deletes expired sessions and finished orchestration history, then rolls up yesterday's usage.</summary>
public sealed class RetentionFunction(TriggerHandlers handlers, TimeProvider time)
{
    [Function("Retention")]
    public async Task RunAsync(
        [TimerTrigger("0 30 2 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var job = handlers.Retention(client);
        var now = time.GetUtcNow();
        await job.PurgeAsync(now, cancellationToken);
        await job.RollUpUsageAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), cancellationToken);
    }
}

using GenAgent.Triggers;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Events;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GenAgent.Functions.Triggers;

/// <summary>
/// Schedules <see cref="RequestFileCollector"/> once per file: the instance id comes from the file name, so a
/// redelivered event or a re-triggered blob finds it there and schedules nothing. Re-running a file starts no new
/// sessions either (their ids come from file and line), so there is nothing new to collect.
/// </summary>
public sealed class DurableRequestFileScheduler(DurableTaskClient client) : IRequestFileScheduler
{
    public static string InstanceId(string fileName) => SessionIds.FromExternalId("collect:" + fileName);

    public async Task ScheduleCollectAsync(BlobRequestsResult started, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        var id = InstanceId(started.FileName);
        if (await client.GetInstanceAsync(id, cancellationToken) is not null) return;
        await client.ScheduleNewOrchestrationInstanceAsync(RequestFileCollector.Orchestration, started, new StartOrchestrationOptions(id), cancellationToken);
    }
}

using GenAgent.Triggers.Blobs;

namespace GenAgent.Triggers.Events;

/// <summary>
/// Arranges for <see cref="BlobRequestsRunner.CollectResultsAsync"/> to run after a request file's sessions started.
/// An HTTP delivery cannot wait for them, so the Functions app implements this by scheduling a durable orchestration.
/// A redelivered event calls it again for the same file: schedule idempotently (an instance id derived from the file name).
/// </summary>
public interface IRequestFileScheduler
{
    Task ScheduleCollectAsync(BlobRequestsResult started, CancellationToken cancellationToken = default);
}

using GenAgent.Triggers.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GenAgent.Functions.Triggers;

/// <summary>The two steps of <see cref="RequestFileCollector"/>; both read sessions through the invocation's durable client.</summary>
public sealed class RequestFileActivities(TriggerHandlers handlers)
{
    /// <summary>True when no session of the file is still pending or running (a session that does not exist counts as ended).</summary>
    [Function(RequestFileCollector.EndedActivity)]
    public async Task<bool> EndedAsync([ActivityTrigger] BlobRequestsResult started, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(started);
        var engine = handlers.Engine(client);
        foreach (var request in started.Sessions)
        {
            if (await engine.GetAsync(request.SessionId) is { IsTerminal: false }) return false;
        }
        return true;
    }

    /// <summary>Copies each session's final image and trajectory to the results container and writes the summary.</summary>
    [Function(RequestFileCollector.CollectActivity)]
    public Task<BlobRequestsSummary> CollectAsync([ActivityTrigger] BlobRequestsResult started, [DurableClient] DurableTaskClient client) =>
        handlers.Files(client).CollectResultsAsync(started);
}

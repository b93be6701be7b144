using GenAgent.Triggers.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace GenAgent.Functions.Triggers;

/// <summary>
/// Waits for every session of a request file to end, then writes its results and summary. Waiting is durable timers,
/// not a blocked function: a file of long sessions costs nothing while it runs. Each poll continues as new, so the
/// history stays one poll long however long the file takes.
/// </summary>
public static class RequestFileCollector
{
    public const string Orchestration = "CollectRequestFile";
    public const string EndedActivity = "RequestFileEnded";
    public const string CollectActivity = "CollectRequestFileResults";

    /// <summary>Sessions take seconds to minutes; a poll is one cheap activity.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    [Function(Orchestration)]
    public static async Task<BlobRequestsSummary?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = context.GetInput<BlobRequestsResult>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} was started without a {nameof(BlobRequestsResult)}.");
        if (!await context.CallActivityAsync<bool>(EndedActivity, started))
        {
            await context.CreateTimer(PollInterval, CancellationToken.None);
            context.ContinueAsNew(started);
            return null;
        }
        return await context.CallActivityAsync<BlobRequestsSummary>(CollectActivity, started);
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GenAgent.Functions.Triggers;

/// <summary>
/// A JSON or JSONL file dropped in the <c>requests</c> container starts one session per request; ids come from the
/// file name and line, so a re-triggered file starts nothing new. Its results
/// are collected by <see cref="RequestFileCollector"/> once every session has ended. The container name must match
/// <c>GenAgent:Triggers:RequestsContainer</c> (a binding path is fixed at build time).
/// </summary>
public sealed class RequestFileFunction(TriggerHandlers handlers)
{
    [Function("RequestFile")]
    public async Task RunAsync(
        [BlobTrigger("requests/{name}", Connection = "AzureWebJobsStorage")] BinaryData content,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var started = await handlers.Files(client).StartFromFileAsync(name, content, cancellationToken);
        await handlers.Scheduler(client).ScheduleCollectAsync(started, cancellationToken);
    }
}

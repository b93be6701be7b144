using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GenAgent.Functions.Triggers;

/// <summary>
/// A message on <c>genagent-requests</c> starts a session. The handler poisons a message no retry can fix at once (with
/// its reason) and throws on a failure worth retrying, so the runtime redelivers it; host.json's maxDequeueCount
/// matches <c>GenAgent:Triggers:MaxDequeueCount</c>.
/// </summary>
public sealed class RequestQueueFunction(TriggerHandlers handlers)
{
    [Function("RequestQueue")]
    public Task RunAsync(
        [QueueTrigger("genagent-requests", Connection = "AzureWebJobsStorage")] QueueMessage message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return handlers.Queue(client).HandleQueueMessageAsync(message.MessageId, message.Body.ToString(), message.DequeueCount, cancellationToken);
    }
}

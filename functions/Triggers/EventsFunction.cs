using GenAgent.Triggers.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GenAgent.Functions.Triggers;

/// <summary>
/// The Event Grid / CloudEvents webhook. OPTIONS is the CloudEvents abuse-protection handshake; POST carries events
/// (and Event Grid's subscription validation). A subscription passes the function key as <c>?code=</c> in its URL.
/// </summary>
public sealed class EventsFunction(TriggerHandlers handlers)
{
    [Function("Events")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "options", "post", Route = "api/events")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var body = await BinaryData.FromStreamAsync(request.Body, cancellationToken);
        var response = await handlers.Events(client).HandleAsync(request.Method, headers, body, cancellationToken);
        return new CloudEventsResult(response);
    }
}

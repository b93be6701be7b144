using GenAgent.Discord.Interactions;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Functions.Engine;
using GenAgent.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Discord;

/// <summary>
/// Discord's Interactions Endpoint URL as an HTTP trigger: the same handler <c>genagent serve</c> maps, over an engine
/// made from the invocation's durable client. Anonymous: Discord sends no function key; every request is verified by
/// its Ed25519 signature instead. 404 when Discord is not configured (no <c>Discord__*</c> settings).
/// </summary>
public sealed class DiscordInteractionsFunction(WorkflowOptions workflow, IServiceProvider services)
{
    [Function("DiscordInteractions")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/discord/interactions")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (services.GetService<InteractionVerifier>() is null) return Results.NotFound();
        var handler = DiscordSessionsServiceCollectionExtensions.CreateHandler(services, new DurableFunctionsSessionEngine(client, workflow));
        return await handler.HandleAsync(request, cancellationToken);
    }
}

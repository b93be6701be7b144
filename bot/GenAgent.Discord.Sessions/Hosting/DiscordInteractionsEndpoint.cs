using GenAgent.Discord.Sessions.Interactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenAgent.Discord.Sessions.Hosting;

public static class DiscordInteractionsEndpoint
{
    /// <summary>The route Discord's "Interactions Endpoint URL" points at (append it to the public base URL).</summary>
    public const string Route = "/api/discord/interactions";

    /// <summary>
    /// Maps <see cref="Route"/>. No API key filter: Discord cannot send one; the Ed25519 signature is the authentication.
    /// </summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Route, (HttpRequest request, DiscordInteractionHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, cancellationToken));
        return endpoints;
    }
}

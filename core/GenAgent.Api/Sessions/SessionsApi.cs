using GenAgent.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenAgent.Api.Sessions;

/// <summary>
/// The session HTTP API. The handlers are static methods over the engine and the store, so the self-host
/// (<c>genagent serve</c>) and the Functions app's HTTP triggers run the same code.
/// </summary>
public static partial class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/sessions").AddEndpointFilter<ApiKeyEndpointFilter>();
        api.MapPost("/", CreateAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapGet("/{id}/trajectory", GetTrajectoryAsync);
        api.MapGet("/{id}/images/{**name}", GetImageAsync);
        api.MapPost("/{id}/messages", SendMessageAsync);
        api.MapPost("/{id}/cancel", CancelAsync);
        endpoints.MapGet("/sessions/{id}", GetReportAsync).AddEndpointFilter<ApiKeyEndpointFilter>();
        return endpoints;
    }
}

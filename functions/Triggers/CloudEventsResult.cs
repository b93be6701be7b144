using GenAgent.Triggers.Events;
using Microsoft.AspNetCore.Http;

namespace GenAgent.Functions.Triggers;

/// <summary>Copies a <see cref="CloudEventsResponse"/> (status, handshake headers, JSON body) onto the HTTP response.</summary>
internal sealed class CloudEventsResult(CloudEventsResponse response) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers) httpContext.Response.Headers[name] = value;
        if (response.Body.ToMemory().Length > 0) await httpContext.Response.Body.WriteAsync(response.Body.ToMemory(), httpContext.RequestAborted);
    }
}

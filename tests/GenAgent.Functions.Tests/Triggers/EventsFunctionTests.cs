using System.Text;
using System.Text.Json.Nodes;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Functions.Triggers;
using GenAgent.Triggers.Events;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Http;

namespace GenAgent.Functions.Tests.Triggers;

/// <summary>The Event Grid webhook, called as the host calls it: an ASP.NET Core request, a durable client, the app's services.</summary>
public sealed class EventsFunctionTests
{
    [Fact]
    public async Task The_cloudevents_abuse_protection_handshake_allows_the_origin()
    {
        await using var host = await FunctionsEngineHost.StartAsync();
        var request = Request("OPTIONS", body: null);
        request.Headers[CloudEventsHandler.RequestOriginHeader] = "eventgrid.azure.net";

        var (status, response, _) = await InvokeAsync(host, request);

        Assert.Equal(200, status);
        Assert.Equal("eventgrid.azure.net", response.Headers[CloudEventsHandler.AllowedOriginHeader].ToString());
    }

    [Fact]
    public async Task An_event_grid_subscription_validation_is_answered_with_its_code()
    {
        await using var host = await FunctionsEngineHost.StartAsync();
        const string Validation = """
            [{"id":"v1","topic":"/subscriptions/x","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
              "eventTime":"2026-01-01T00:00:00Z","dataVersion":"1","metadataVersion":"1",
              "data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}}]
            """;

        var (status, _, body) = await InvokeAsync(host, Request("POST", Validation, "application/json"));

        Assert.Equal(200, status);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (string?)JsonNode.Parse(body)!["validationResponse"]);
    }

    [Fact]
    public async Task A_session_requested_cloudevent_starts_the_session_named_by_its_id_once_even_when_redelivered()
    {
        await using var host = await FunctionsEngineHost.StartAsync();
        const string Event = """
            {"specversion":"1.0","id":"evt-42","source":"/tests","type":"GenAgent.Session.Requested",
             "datacontenttype":"application/json","data":{"prompt":"a photo of a red bench","options":{"width":128,"height":128}}}
            """;

        var (first, _, _) = await InvokeAsync(host, Request("POST", Event, "application/cloudevents+json"));
        var (second, _, secondBody) = await InvokeAsync(host, Request("POST", Event, "application/cloudevents+json"));

        Assert.Equal(200, first);
        Assert.Equal(200, second);
        var session = await host.Engine.GetAsync("evt-42");
        Assert.NotNull(session);
        Assert.Equal(1, (int?)JsonNode.Parse(secondBody)!["duplicates"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ended = await host.Engine.WaitForCompletionAsync("evt-42", cancellationToken: timeout.Token);
        Assert.Equal(SessionRuntimeStatus.Completed, ended.Status);
        Assert.Equal("a photo of a red bench", ended.Trajectory!.Prompt);
    }

    private static HttpRequest Request(string method, string? body, string? contentType = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (contentType is not null) context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    private static async Task<(int Status, HttpResponse Response, string Body)> InvokeAsync(FunctionsEngineHost host, HttpRequest request)
    {
        var function = new EventsFunction(new TriggerHandlers(host.Services));
        var result = await function.RunAsync(request, host.Client, CancellationToken.None);
        var context = request.HttpContext;
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, context.Response, await reader.ReadToEndAsync());
    }
}

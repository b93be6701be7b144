using System.Text.Json;
using Azure;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Requests;
using GenAgent.Core.Quotas;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Starting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.Triggers.Events;

/// <summary>
/// The Event Grid webhook: CloudEvents 1.0 (structured or batched JSON) and the Event Grid schema, with both validation
/// handshakes. Answers: 200 with an <see cref="EventBatchReport"/> when at least one event was accepted, started, found
/// or ignored; 400 when the body is not events or every event failed. Event Grid does not retry a 400 (it dead-letters
/// the delivery), which is right for requests no retry can fix; any other exception escapes, the host answers 500 and
/// Event Grid redelivers — safe, because an event's session id is its event id.
/// </summary>
public sealed class CloudEventsHandler(
    ISessionEngine engine,
    BlobRequestsRunner files,
    TriggerOptions options,
    StartRules rules,
    IRequestFileScheduler? fileScheduler = null,
    ILogger<CloudEventsHandler>? logger = null,
    ISessionAdmission? admission = null)
{
    private readonly SessionLauncher _launcher = new(engine, admission);
    public const string RequestOriginHeader = "WebHook-Request-Origin";
    public const string AllowedOriginHeader = "WebHook-Allowed-Origin";
    public const string AllowedRateHeader = "WebHook-Allowed-Rate";

    private readonly SessionRequestReader _reader = new(rules);
    private readonly ILogger _logger = logger ?? NullLogger<CloudEventsHandler>.Instance;

    public async Task<CloudEventsResponse> HandleAsync(
        string method, IReadOnlyDictionary<string, string> headers, BinaryData body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(headers);
        var header = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (HttpMethods.IsOptions(method)) return AbuseProtection(header);
        if (!HttpMethods.IsPost(method))
            return new CloudEventsResponse(405, new Dictionary<string, string> { ["Allow"] = "POST, OPTIONS" }, BinaryData.Empty);

        ArgumentNullException.ThrowIfNull(body);
        IReadOnlyList<IncomingEvent> events;
        try
        {
            events = Parse(header.GetValueOrDefault("Content-Type"), body);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException)
        {
            return Error($"The body is not CloudEvents or Event Grid events: {ex.Message}");
        }
        if (events.Count == 0) return Error("The body holds no events.");

        if (events.FirstOrDefault(e => e.SystemData is SubscriptionValidationEventData) is { SystemData: SubscriptionValidationEventData validation })
        {
            var answer = new SubscriptionValidationAnswer(validation.ValidationCode);
            return CloudEventsResponse.Json(200, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(answer, TriggerJson.Default.SubscriptionValidationAnswer)));
        }

        var results = new List<EventResult>(events.Count);
        foreach (var incoming in events)
        {
            var result = await HandleEventAsync(incoming, cancellationToken).ConfigureAwait(false);
            if (result.Disposition == EventDisposition.Failed) _logger.EventFailed(result.Id, result.Type, result.Reason);
            else _logger.EventHandled(result.Id, result.Disposition);
            results.Add(result);
        }
        var report = new EventBatchReport(
            results.Count(r => r.Disposition == EventDisposition.Started),
            results.Count(r => r.Disposition == EventDisposition.Duplicate),
            results.Count(r => r.Disposition == EventDisposition.Ignored),
            results.Count(r => r.Disposition == EventDisposition.Failed),
            results);
        _logger.EventsHandled(report.Started, report.Duplicates, report.Ignored, report.Failed);
        // A refused start is not lost: 429 makes Event Grid deliver the batch again later (started events are then
        // duplicates, which start nothing), until its retry policy parks the event in dead-lettering.
        var status = results.Any(r => r.Disposition == EventDisposition.Deferred) ? 429 : report.Failed == results.Count ? 400 : 200;
        return CloudEventsResponse.Json(status, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(report, TriggerJson.Default.EventBatchReport)));
    }

    /// <summary>CloudEvents webhook abuse protection: a sender asks with OPTIONS whether it may deliver here.</summary>
    private static CloudEventsResponse AbuseProtection(Dictionary<string, string> headers)
    {
        if (!headers.TryGetValue(RequestOriginHeader, out var origin) || string.IsNullOrWhiteSpace(origin))
            return Error($"An OPTIONS request must carry the {RequestOriginHeader} header.");
        return new CloudEventsResponse(200, new Dictionary<string, string>
        {
            [AllowedOriginHeader] = origin,
            [AllowedRateHeader] = "*",
        }, BinaryData.Empty);
    }

    private static List<IncomingEvent> Parse(string? contentType, BinaryData body)
    {
        if (IsCloudEvents(contentType, body))
        {
            return [.. CloudEvent.ParseMany(body).Select(e => new IncomingEvent(
                e.Id, e.Type, e.Data, e.TryGetSystemEventData(out var system) ? system : null))];
        }
        return [.. EventGridEvent.ParseMany(body).Select(e => new IncomingEvent(
            e.Id, e.EventType, e.Data, e.TryGetSystemEventData(out var system) ? system : null))];
    }

    /// <summary>The content type says so, or (plain <c>application/json</c>) the first event carries <c>specversion</c>.</summary>
    private static bool IsCloudEvents(string? contentType, BinaryData body)
    {
        if (contentType is not null && contentType.TrimStart().StartsWith("application/cloudevents", StringComparison.OrdinalIgnoreCase))
            return true;
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var first = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }

    private async Task<EventResult> HandleEventAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        if (incoming.Type == GenAgentEventTypes.SessionRequested)
            return await StartSessionAsync(incoming, cancellationToken).ConfigureAwait(false);
        if (incoming.SystemData is StorageBlobCreatedEventData created)
            return await StartRequestFileAsync(incoming, created, cancellationToken).ConfigureAwait(false);
        return new EventResult(incoming.Id, incoming.Type, EventDisposition.Ignored, Reason: "GenAgent does not act on this event type.");
    }

    private async Task<EventResult> StartSessionAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        ParsedRequest parsed;
        try
        {
            if (incoming.Data is null || incoming.Data.ToMemory().IsEmpty)
                throw new InvalidSessionRequestException("The event has no data; expected {prompt, options?}.");
            parsed = _reader.Read(incoming.Data);
        }
        catch (InvalidSessionRequestException ex)
        {
            return new EventResult(incoming.Id, incoming.Type, EventDisposition.Failed, Reason: ex.Message);
        }
        // The event id, not one in the data, names the session: that is what makes a redelivery a no-op.
        var id = SessionIds.FromExternalId(incoming.Id);
        var launched = await _launcher.LaunchAsync(id, userId: null, parsed.Request, cancellationToken).ConfigureAwait(false);
        return launched.Status switch
        {
            LaunchStatus.Started => new EventResult(incoming.Id, incoming.Type, EventDisposition.Started, [id]),
            LaunchStatus.Existing => new EventResult(incoming.Id, incoming.Type, EventDisposition.Duplicate, [id]),
            _ => new EventResult(incoming.Id, incoming.Type, EventDisposition.Deferred, Reason: launched.Refusal?.Reason),
        };
    }

    private async Task<EventResult> StartRequestFileAsync(IncomingEvent incoming, StorageBlobCreatedEventData created, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(created.Url, UriKind.Absolute, out var url))
            return new EventResult(incoming.Id, incoming.Type, EventDisposition.Failed, Reason: $"The blob url '{created.Url}' is not an absolute URL.");
        var blob = new BlobUriBuilder(url);
        if (!string.Equals(blob.BlobContainerName, options.RequestsContainer, StringComparison.Ordinal) || string.IsNullOrEmpty(blob.BlobName))
            return new EventResult(incoming.Id, incoming.Type, EventDisposition.Ignored, Reason: $"The blob is not in the {options.RequestsContainer} container.");

        BlobRequestsResult started;
        try
        {
            started = await files.StartFromBlobAsync(blob.BlobName, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new EventResult(incoming.Id, incoming.Type, EventDisposition.Failed, Reason: $"The blob {blob.BlobName} no longer exists.");
        }
        if (fileScheduler is not null)
            await fileScheduler.ScheduleCollectAsync(started, cancellationToken).ConfigureAwait(false);
        var ids = started.Sessions.Select(s => s.SessionId).ToList();
        var reason = started.Broken.Count == 0 ? null : $"{started.Broken.Count} broken requests: {string.Join("; ", started.Broken.Select(b => $"line {b.Line}: {b.Reason}"))}";
        var disposition = started.Sessions.Any(s => s.IsNew) ? EventDisposition.Started
            : started.Sessions.Count > 0 ? EventDisposition.Duplicate
            : EventDisposition.Failed;
        return new EventResult(incoming.Id, incoming.Type, disposition, ids, reason);
    }

    private static CloudEventsResponse Error(string message) =>
        CloudEventsResponse.Json(400, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(new TriggerError(message), TriggerJson.Default.TriggerError)));
}

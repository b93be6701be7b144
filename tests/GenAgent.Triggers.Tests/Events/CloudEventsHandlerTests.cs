using System.Text.Json;
using GenAgent.Core.Sessions;
using GenAgent.Triggers.Events;
using GenAgent.Triggers.Tests.Fakes;
using GenAgent.Workflow.Engine;

namespace GenAgent.Triggers.Tests.Events;

public sealed class CloudEventsHandlerTests
{
    private static readonly Dictionary<string, string> CloudEventsJson = new() { ["Content-Type"] = "application/cloudevents+json; charset=utf-8" };
    private static readonly Dictionary<string, string> CloudEventsBatch = new() { ["Content-Type"] = "application/cloudevents-batch+json; charset=utf-8" };
    private static readonly Dictionary<string, string> PlainJson = new() { ["content-type"] = "application/json" };

    [Fact]
    public async Task Options_handshake_echoes_the_origin_and_allows_any_rate()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();

        var response = await harness.Handler().HandleAsync(
            "OPTIONS", new Dictionary<string, string> { ["webhook-request-origin"] = "eventgrid.azure.net" }, BinaryData.Empty);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", response.Headers["WebHook-Allowed-Origin"]);
        Assert.Equal("*", response.Headers["WebHook-Allowed-Rate"]);
    }

    [Fact]
    public async Task Options_without_an_origin_is_400()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();

        var response = await harness.Handler().HandleAsync("OPTIONS", new Dictionary<string, string>(), BinaryData.Empty);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("WebHook-Request-Origin", Error(response));
    }

    [Fact]
    public async Task Subscription_validation_event_answers_with_its_code()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var body = BinaryData.FromString("""
            [{"id": "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66", "topic": "/subscriptions/x", "subject": "",
              "data": {"validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6", "validationUrl": "https://rp-eastus2.eventgrid.azure.net/x"},
              "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent", "eventTime": "2026-11-28T22:00:00Z",
              "metadataVersion": "1", "dataVersion": "2"}]
            """);

        var response = await harness.Handler().HandleAsync("POST", PlainJson, body);

        Assert.Equal(200, response.StatusCode);
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", json.RootElement.GetProperty("validationResponse").GetString());
        Assert.Empty(harness.Recording.Sessions);
    }

    [Theory]
    [InlineData("{\"specversion\": \"1.0\", \"id\": ")]
    [InlineData("not json at all")]
    [InlineData("[{\"specversion\": \"1.0\", \"type\": \"GenAgent.Session.Requested\"}]")]
    public async Task Malformed_body_is_400_with_a_message(string body)
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();

        var response = await harness.Handler().HandleAsync("POST", CloudEventsBatch, BinaryData.FromString(body));

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith("The body is not CloudEvents", Error(response), StringComparison.Ordinal);
        Assert.Empty(harness.Recording.Sessions);
    }

    [Fact]
    public async Task Get_is_405()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();

        var response = await harness.Handler().HandleAsync("GET", PlainJson, BinaryData.Empty);

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("POST, OPTIONS", response.Headers["Allow"]);
    }

    [Fact]
    public async Task Structured_cloud_event_starts_a_session_named_by_the_event_id()
    {
        await using var harness = await TriggerHarness.WithOfflineEngineAsync();
        var body = BinaryData.FromString($$$"""
            {"specversion": "1.0", "id": "order-17", "source": "/shop/orders", "type": "GenAgent.Session.Requested",
             "datacontenttype": "application/json",
             "data": {"prompt": "a photo of a red apple", "options": {{{TriggerHarness.SmallOptions}}}}}
            """);

        var response = await harness.Handler().HandleAsync("POST", CloudEventsJson, body);

        Assert.Equal(200, response.StatusCode);
        var report = Report(response);
        var result = Assert.Single(report.Events);
        Assert.Equal(EventDisposition.Started, result.Disposition);
        Assert.Equal(["order-17"], result.SessionIds);
        var done = await harness.Engine.WaitForCompletionAsync("order-17");
        Assert.Equal(SessionRuntimeStatus.Completed, done.Status);
        Assert.Equal("a photo of a red apple", done.Trajectory!.Prompt);
        Assert.Equal(256, done.Trajectory.Options.Width);
    }

    [Fact]
    public async Task Redelivered_event_starts_one_session()
    {
        await using var harness = await TriggerHarness.WithOfflineEngineAsync();
        var body = BinaryData.FromString($$$"""
            [{"specversion": "1.0", "id": "evt/42#again", "source": "/tests", "type": "GenAgent.Session.Requested",
              "data": {"prompt": "two blue cups", "options": {{{TriggerHarness.SmallOptions}}}}}]
            """);
        var handler = harness.Handler();

        var first = Report(await handler.HandleAsync("POST", CloudEventsBatch, body));
        var again = Report(await handler.HandleAsync("POST", CloudEventsBatch, body));

        Assert.Equal(1, first.Started);
        Assert.Equal(0, again.Started);
        Assert.Equal(1, again.Duplicates);
        var id = Assert.Single(first.Events[0].SessionIds!);
        Assert.Equal(id, Assert.Single(again.Events[0].SessionIds!));
        Assert.Equal(SessionIds.FromExternalId("evt/42#again"), id);
        var done = await harness.Engine.WaitForCompletionAsync(id);
        Assert.Equal(OutcomeKind.Done, done.Trajectory!.Outcome!.Kind);
        var client = ((InProcessSessionEngine)harness.Engine).Client;
        var instances = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync()) instances.Add(instance.InstanceId);
        Assert.Equal([id], instances);
    }

    [Fact]
    public async Task Batch_reports_each_event_and_a_bad_one_does_not_stop_the_others()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var body = BinaryData.FromString("""
            [{"specversion": "1.0", "id": "a", "source": "/t", "type": "GenAgent.Session.Requested", "data": {"prompt": "a cat"}},
             {"specversion": "1.0", "id": "b", "source": "/t", "type": "GenAgent.Session.Requested", "data": {"options": {"maxImages": 1}}},
             {"specversion": "1.0", "id": "c", "source": "/t", "type": "Contoso.Items.Sold", "data": {"sku": 1}},
             {"specversion": "1.0", "id": "d", "source": "/t", "type": "GenAgent.Session.Requested", "data": {"prompt": "a dog", "options": {"maxImage": 1}}},
             {"specversion": "1.0", "id": "e", "source": "/t", "type": "GenAgent.Session.Requested"}]
            """);

        var response = await harness.Handler().HandleAsync("POST", CloudEventsBatch, body);

        Assert.Equal(200, response.StatusCode);
        var report = Report(response);
        Assert.Equal((1, 1, 3), (report.Started, report.Ignored, report.Failed));
        Assert.Equal(["Started", "Failed", "Ignored", "Failed", "Failed"], report.Events.Select(e => e.Disposition.ToString()));
        Assert.Contains("prompt", report.Events[1].Reason, StringComparison.Ordinal);
        Assert.Contains("maxImage", report.Events[3].Reason, StringComparison.Ordinal);
        Assert.Contains("no data", report.Events[4].Reason, StringComparison.Ordinal);
        Assert.Equal("a cat", Assert.Single(harness.Recording.Sessions).Value.Prompt);
    }

    [Fact]
    public async Task Batch_where_every_event_failed_is_400_with_the_reasons()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var body = BinaryData.FromString("""
            [{"specversion": "1.0", "id": "a", "source": "/t", "type": "GenAgent.Session.Requested", "data": {"prompt": ""}},
             {"specversion": "1.0", "id": "b", "source": "/t", "type": "GenAgent.Session.Requested", "data": {"prompt": "x", "options": {"width": 5}}}]
            """);

        var response = await harness.Handler().HandleAsync("POST", CloudEventsBatch, body);

        Assert.Equal(400, response.StatusCode);
        var report = Report(response);
        Assert.Equal(2, report.Failed);
        Assert.Contains("width", report.Events[1].Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Recording.Sessions);
    }

    [Fact]
    public async Task Event_grid_schema_requests_a_session()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var body = BinaryData.FromString("""
            [{"id": "eg-1", "topic": "/subscriptions/s/resourceGroups/g/providers/Microsoft.EventGrid/topics/genagent",
              "subject": "requests/1", "eventType": "GenAgent.Session.Requested", "eventTime": "2026-11-28T22:00:00Z",
              "data": {"prompt": "three green bottles", "options": {"maxImages": 2}}, "dataVersion": "1.0", "metadataVersion": "1"}]
            """);

        var response = await harness.Handler().HandleAsync("POST", PlainJson, body);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, Report(response).Started);
        var request = harness.Recording.Sessions["eg-1"];
        Assert.Equal("three green bottles", request.Prompt);
        Assert.Equal(2, request.Options.MaxImages);
    }

    [Fact]
    public async Task Blob_created_in_the_requests_container_starts_the_file_and_schedules_collection()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        await harness.Requests.CreateIfNotExistsAsync();
        var blob = harness.Requests.GetBlobClient("batch/prompts.jsonl");
        await blob.UploadAsync(BinaryData.FromString("{\"prompt\": \"a red kite\"}\n{\"prompt\": \"a blue kite\"}\n"));
        var scheduler = new RecordingScheduler();
        var body = BinaryData.FromString($$$"""
            [{"specversion": "1.0", "id": "blob-evt-1", "source": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a",
              "subject": "/blobServices/default/containers/{{{harness.Options.RequestsContainer}}}/blobs/batch/prompts.jsonl",
              "type": "Microsoft.Storage.BlobCreated",
              "data": {"api": "PutBlob", "contentType": "application/octet-stream", "contentLength": 46, "blobType": "BlockBlob",
                       "url": "{{{blob.Uri}}}", "sequencer": "0000000000000000000000000000000000000000000000000000000000000001"}},
             {"specversion": "1.0", "id": "blob-evt-2", "source": "/x", "subject": "/blobServices/default/containers/other/blobs/a.jsonl",
              "type": "Microsoft.Storage.BlobCreated",
              "data": {"api": "PutBlob", "url": "http://127.0.0.1:10000/devstoreaccount1/other/a.jsonl", "blobType": "BlockBlob"}}]
            """);

        var response = await harness.Handler(scheduler).HandleAsync("POST", CloudEventsBatch, body);

        Assert.Equal(200, response.StatusCode);
        var report = Report(response);
        Assert.Equal(EventDisposition.Started, report.Events[0].Disposition);
        Assert.Equal(2, report.Events[0].SessionIds!.Count);
        Assert.Equal(EventDisposition.Ignored, report.Events[1].Disposition);
        var scheduled = Assert.Single(scheduler.Scheduled);
        Assert.Equal("batch/prompts.jsonl", scheduled.FileName);
        Assert.Equal(["a red kite", "a blue kite"], scheduled.Sessions.Select(s => harness.Recording.Sessions[s.SessionId].Prompt));
    }

    private static EventBatchReport Report(CloudEventsResponse response) =>
        JsonSerializer.Deserialize(response.Body, TriggerJson.Default.EventBatchReport)!;

    private static string Error(CloudEventsResponse response) =>
        JsonSerializer.Deserialize(response.Body, TriggerJson.Default.TriggerError)!.Error;

    private sealed class RecordingScheduler : IRequestFileScheduler
    {
        public List<GenAgent.Triggers.Blobs.BlobRequestsResult> Scheduled { get; } = [];

        public Task ScheduleCollectAsync(GenAgent.Triggers.Blobs.BlobRequestsResult started, CancellationToken cancellationToken = default)
        {
            Scheduled.Add(started);
            return Task.CompletedTask;
        }
    }
}

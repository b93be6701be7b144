using GenAgent.Core.Sessions;
using GenAgent.Workflow.Starting;
using Azure.Storage.Queues;
using GenAgent.Core.Quotas;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Events;
using GenAgent.Triggers.Queues;
using GenAgent.Triggers.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace GenAgent.Triggers.Tests;

/// <summary>
/// The caps bind the triggers as they bind the API: a capped cloud event is answered 429 (Event Grid delivers it
/// again), a capped queue message comes back and is parked with the reason on its last delivery, a capped line of a
/// request file is reported as not started. Nothing starts, and no slot stays taken.
/// </summary>
public sealed class CappedStartTests
{
    private static readonly Dictionary<string, string> CloudEventsJson = new() { ["Content-Type"] = "application/cloudevents+json; charset=utf-8" };

    private static InMemorySessionAdmission Admission(int global) =>
        new(new StaticOptions(new AdmissionOptions { MaxConcurrentGlobal = global }));

    [Fact]
    public async Task A_cloud_event_over_the_global_cap_is_deferred_with_429_and_starts_later()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var admission = Admission(1);
        Assert.True((await admission.TryAdmitAsync(null, "someone-else")).Admitted);
        var handler = new CloudEventsHandler(harness.Engine, harness.Runner, harness.Options, harness.Rules, admission: admission);
        var body = BinaryData.FromString("""
            {"specversion": "1.0", "id": "order-41", "source": "/shop", "type": "GenAgent.Session.Requested", "data": {"prompt": "a red kite"}}
            """);

        var capped = await handler.HandleAsync("POST", CloudEventsJson, body);

        Assert.Equal(429, capped.StatusCode);
        Assert.Contains("\"Deferred\"", capped.Body.ToString(), StringComparison.Ordinal);
        Assert.Empty(harness.Recording.Sessions);

        // The slot frees up; Event Grid's redelivery now starts it.
        await admission.ReleaseAsync(null, "someone-else");
        var retried = await handler.HandleAsync("POST", CloudEventsJson, body);
        Assert.Equal(200, retried.StatusCode);
        Assert.True(harness.Recording.Sessions.ContainsKey("order-41"));
    }

    [Fact]
    public async Task A_queue_message_over_the_cap_is_delivered_again_and_parked_with_the_reason_on_its_last_delivery()
    {
        await Azurite.RequireAsync();
        var poison = new QueueClient(Azurite.ConnectionString, Azurite.UniqueName("poison"));
        try
        {
            await using var engine = new RecordingSessionEngine();
            var options = new TriggerOptions { MaxDequeueCount = 2 };
            var admission = Admission(1);
            await admission.TryAdmitAsync(null, "someone-else");
            var handler = new QueueRequestHandler(engine, poison, options, new StartRules(new SessionOptions()), admission: admission);
            const string message = """{"prompt": "a red kite"}""";

            await Assert.ThrowsAsync<SessionRefusedException>(() => handler.HandleQueueMessageAsync("msg-7", message, 1));
            var parked = await handler.HandleQueueMessageAsync("msg-7", message, 2);

            Assert.Equal(QueueMessageOutcome.Poisoned, parked.Outcome);
            Assert.Contains("sessions the service runs at once", parked.Reason, StringComparison.Ordinal);
            Assert.Empty(engine.Sessions);
        }
        finally
        {
            await poison.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Lines_of_a_request_file_past_the_cap_are_reported_not_started()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var runner = new BlobRequestsRunner(harness.Engine, harness.Store, harness.Blobs, harness.Options, harness.Rules, admission: Admission(2));
        var file = BinaryData.FromString("{\"prompt\": \"one\"}\n{\"prompt\": \"two\"}\n{\"prompt\": \"three\"}\n");

        var started = await runner.StartFromFileAsync("batch.jsonl", file);

        Assert.Equal([1, 2], started.Sessions.Select(s => s.Line));
        var refused = Assert.Single(started.Broken);
        Assert.Equal(3, refused.Line);
        Assert.StartsWith("not started: ", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(2, harness.Recording.Sessions.Count);
    }

    private sealed class StaticOptions(AdmissionOptions value) : IOptionsMonitor<AdmissionOptions>
    {
        public AdmissionOptions CurrentValue => value;

        public AdmissionOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AdmissionOptions, string?> listener) => null;
    }
}

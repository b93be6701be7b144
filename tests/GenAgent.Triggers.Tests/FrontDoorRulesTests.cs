using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using GenAgent.Core.Sessions;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Events;
using GenAgent.Triggers.Queues;
using GenAgent.Triggers.Tests.Fakes;
using GenAgent.Workflow.Starting;

namespace GenAgent.Triggers.Tests;

/// <summary>
/// The shared table of bad starts (<see cref="FrontDoorCases"/>) against the three trigger doors, on a server without an
/// editor backend: each refuses with the message the API, Discord and the CLI give, and starts nothing.
/// </summary>
public sealed class FrontDoorRulesTests
{
    private static readonly StartRules NoEditor = new(new SessionOptions { Tools = [FrontDoorCases.Generate] });

    public static TheoryData<string> Cases => FrontDoorCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_cloud_event_is_refused_with_the_shared_message(string name)
    {
        var bad = FrontDoorCases.Named(name);
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var handler = new CloudEventsHandler(harness.Engine, Runner(harness), harness.Options, NoEditor);
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0", ["id"] = "bad-1", ["source"] = "/tests", ["type"] = "GenAgent.Session.Requested",
            ["datacontenttype"] = "application/json", ["data"] = JsonNode.Parse(bad.RequestJson()),
        };

        var response = await handler.HandleAsync(
            "POST", new Dictionary<string, string> { ["Content-Type"] = "application/cloudevents+json" }, BinaryData.FromString(cloudEvent.ToJsonString()));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(bad.Message, FrontDoorCases.AllText(JsonDocument.Parse(response.Body).RootElement), StringComparison.Ordinal);
        Assert.Empty(harness.Recording.Sessions);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_request_file_line_is_reported_with_the_shared_message(string name)
    {
        var bad = FrontDoorCases.Named(name);
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();

        var started = await Runner(harness).StartFromFileAsync("bad/prompts.jsonl", BinaryData.FromString(bad.RequestJson() + "\n"));

        Assert.Empty(started.Sessions);
        var broken = Assert.Single(started.Broken);
        Assert.Contains(bad.Message, broken.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Recording.Sessions);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_queue_message_is_parked_with_the_shared_message(string name)
    {
        var bad = FrontDoorCases.Named(name);
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var poison = new QueueClient(Azurite.ConnectionString, Azurite.UniqueName("poison"));
        try
        {
            var result = await new QueueRequestHandler(harness.Engine, poison, harness.Options, NoEditor).HandleQueueMessageAsync("bad-1", bad.RequestJson(), 1);

            Assert.Equal(QueueMessageOutcome.Poisoned, result.Outcome);
            Assert.Contains(bad.Message, result.Reason, StringComparison.Ordinal);
            Assert.Empty(harness.Recording.Sessions);
        }
        finally
        {
            await poison.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task A_start_without_tools_is_offered_only_what_the_server_has()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var poison = new QueueClient(Azurite.ConnectionString, Azurite.UniqueName("poison"));

        var result = await new QueueRequestHandler(harness.Engine, poison, harness.Options, NoEditor).HandleQueueMessageAsync("good-1", """{"prompt": "a red kite"}""", 1);

        Assert.Equal(QueueMessageOutcome.Started, result.Outcome);
        Assert.Equal([FrontDoorCases.Generate], harness.Recording.Sessions[result.SessionId!].Options.Tools);
    }

    private static BlobRequestsRunner Runner(TriggerHarness harness) => new(harness.Engine, harness.Store, harness.Blobs, harness.Options, NoEditor);
}

using GenAgent.Functions.Tests.Fakes;
using GenAgent.Functions.Triggers;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using GenAgent.Triggers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Tests.Triggers;

/// <summary>
/// A request file as the blob-created CloudEvent starts it (the Events function calls these same handlers): one
/// session per good line, nothing new when redelivered, and the collector writing the results.
/// </summary>
public sealed class RequestFileTests
{
    private static async Task StartAsync(FunctionsEngineHost host, BinaryData content, string name)
    {
        var handlers = new TriggerHandlers(host.Services);
        var started = await handlers.Files(host.Client).StartFromFileAsync(name, content, CancellationToken.None);
        await handlers.Scheduler(host.Client).ScheduleCollectAsync(started, CancellationToken.None);
    }

    [Fact]
    public async Task A_jsonl_file_starts_one_session_per_good_line_and_again_starts_nothing_new()
    {
        await using var host = await FunctionsEngineHost.StartAsync();
        var content = BinaryData.FromString(
            """
            {"prompt":"a photo of a red apple","options":{"width":64,"height":64,"maxImages":1}}
            {"prompt":
            {"prompt":"a photo of a green cup","options":{"width":64,"height":64,"maxImages":1}}
            """);
        await StartAsync(host, content, "batch.jsonl");
        await StartAsync(host, content, "batch.jsonl");

        Assert.NotNull(await host.Engine.GetAsync(SessionIds.FromFileLine("batch.jsonl", 1)));
        Assert.Null(await host.Engine.GetAsync(SessionIds.FromFileLine("batch.jsonl", 2)));
        Assert.NotNull(await host.Engine.GetAsync(SessionIds.FromFileLine("batch.jsonl", 3)));
    }

    [Fact]
    public async Task When_every_session_has_ended_the_results_and_the_summary_land_in_the_results_container()
    {
        await Azurite.RequireAsync(10000);
        var container = $"results-{Guid.NewGuid():N}";
        await using var host = await FunctionsEngineHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            [TriggerOptions.SectionName + ":ResultsContainer"] = container,
        });
        var content = BinaryData.FromString("""
            {"prompt":"a photo of a red apple","options":{"width":64,"height":64,"maxImages":1}}
            not json
            """);
        var results = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(container);
        try
        {
            await StartAsync(host, content, "apples.jsonl");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var collector = await host.Client.WaitForInstanceCompletionAsync(
                DurableRequestFileScheduler.InstanceId("apples.jsonl"), getInputsAndOutputs: true, timeout.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, collector.RuntimeStatus);
            var session = SessionIds.FromFileLine("apples.jsonl", 1);
            var summary = JsonNode.Parse((await results.GetBlobClient("apples.jsonl/summary.json").DownloadContentAsync()).Value.Content.ToString())!;
            Assert.Equal(session, (string?)summary["sessions"]![0]!["sessionId"]);
            Assert.Equal(2, (int?)summary["broken"]![0]!["line"]);
            Assert.True((await results.GetBlobClient($"apples.jsonl/{session}/final.png").ExistsAsync()).Value);
            Assert.True((await results.GetBlobClient($"apples.jsonl/{session}/trajectory.json").ExistsAsync()).Value);
        }
        finally
        {
            await results.DeleteIfExistsAsync();
        }
    }
}

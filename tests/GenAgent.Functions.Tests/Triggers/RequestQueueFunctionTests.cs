using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Functions.Triggers;
using GenAgent.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Tests.Triggers;

/// <summary>The queue trigger with the message the runtime would bind, against Azurite for the poison queue.</summary>
public sealed class RequestQueueFunctionTests
{
    [Fact]
    public async Task A_request_message_starts_a_session_named_by_its_id()
    {
        await Azurite.RequireAsync();
        await using var host = await StartAsync(out _);
        var message = QueuesModelFactory.QueueMessage("m-1", "receipt", BinaryData.FromString("""{"prompt":"a photo of a blue cup","id":"queue-cup-1"}"""), dequeueCount: 1);

        await new RequestQueueFunction(new TriggerHandlers(host.Services)).RunAsync(message, host.Client, CancellationToken.None);

        Assert.NotNull(await host.Engine.GetAsync("queue-cup-1"));
    }

    [Fact]
    public async Task A_message_no_retry_can_fix_goes_to_the_poison_queue_with_its_reason()
    {
        await Azurite.RequireAsync();
        await using var host = await StartAsync(out var poisonName);
        var message = QueuesModelFactory.QueueMessage("m-2", "receipt", BinaryData.FromString("""{"options":{"width":64}}"""), dequeueCount: 1);

        await new RequestQueueFunction(new TriggerHandlers(host.Services)).RunAsync(message, host.Client, CancellationToken.None);

        var poison = host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(poisonName);
        try
        {
            var received = Assert.Single((await poison.ReceiveMessagesAsync(maxMessages: 10)).Value);
            var envelope = JsonNode.Parse(received.Body.ToString())!;
            Assert.Equal("m-2", (string?)envelope["messageId"]);
            Assert.Contains("prompt", (string?)envelope["reason"], StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await poison.DeleteIfExistsAsync();
        }
    }

    /// <summary>A poison queue of its own per test, so runs never see each other's messages.</summary>
    private static Task<FunctionsEngineHost> StartAsync(out string poisonQueue)
    {
        poisonQueue = $"poison-{Guid.NewGuid():N}";
        return FunctionsEngineHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            [TriggerOptions.SectionName + ":PoisonQueue"] = poisonQueue,
        });
    }
}

using Azure.Storage.Blobs;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Functions.Triggers;
using GenAgent.Triggers.Retention;
using Microsoft.Azure.Functions.Worker;

namespace GenAgent.Functions.Tests.Triggers;

/// <summary>The daily timer over the blob store on Azurite: the roll-up of yesterday's usage is written.</summary>
public sealed class RetentionFunctionTests
{
    [Fact]
    public async Task The_daily_run_writes_yesterdays_usage_roll_up_to_the_store()
    {
        await Azurite.RequireAsync(10000);
        var container = $"store-{Guid.NewGuid():N}";
        await using var host = await FunctionsEngineHost.StartAsync(new Dictionary<string, string?>
        {
            ["GenAgent:Store:Kind"] = "blob",
            ["GenAgent:Store:ConnectionString"] = Azurite.ConnectionString,
            ["GenAgent:Store:Container"] = container,
        });
        var now = new DateTimeOffset(2026, 3, 2, 2, 30, 0, TimeSpan.Zero);
        var store = new BlobContainerClient(Azurite.ConnectionString, container);
        try
        {
            // A store that has held sessions; an app whose container does not exist yet is a separate case.
            await store.CreateIfNotExistsAsync();
            await new RetentionFunction(new TriggerHandlers(host.Services), new FixedTime(now))
                .RunAsync(new TimerInfo(), host.Client, CancellationToken.None);

            Assert.True((await store.GetBlobClient(RetentionJob.UsageKey(new DateOnly(2026, 3, 1))).ExistsAsync()).Value);
        }
        finally
        {
            await store.DeleteIfExistsAsync();
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

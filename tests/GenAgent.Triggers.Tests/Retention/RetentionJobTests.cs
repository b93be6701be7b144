using System.Text.Json;
using Azure.Storage.Blobs;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Triggers.Retention;
using GenAgent.Triggers.Tests.Fakes;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;

namespace GenAgent.Triggers.Tests.Retention;

public sealed class RetentionJobTests : IAsyncLifetime
{
    private BlobContainerClient _container = null!;
    private BlobImageStore _store = null!;

    public async Task InitializeAsync()
    {
        await Azurite.RequireAsync();
        _container = new BlobContainerClient(Azurite.ConnectionString, Azurite.UniqueName("retention"));
        await _container.CreateAsync();
        _store = new BlobImageStore(_container);
    }

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Fact]
    public async Task Purge_deletes_sessions_that_ended_before_the_retention_period_only()
    {
        var now = DateTimeOffset.UtcNow;
        await WriteSessionAsync("old", endedAt: now.AddDays(-40));
        await WriteSessionAsync("recent", endedAt: now.AddDays(-29));
        await _store.PutAsync(SessionKeys.TurnImage("running", 1), new byte[] { 1 }, "image/png");
        await _store.PutAsync("usage/2026-01-01.json", "{}"u8.ToArray(), "application/json");
        var purger = new RecordingPurger();

        var result = await new RetentionJob(_container, new TriggerOptions { RetentionDays = 30 }, purger).PurgeAsync(now);

        Assert.Equal((1, 2), (result.SessionsDeleted, result.BlobsDeleted));
        Assert.Equal(now.AddDays(-30), result.Cutoff);
        Assert.Equal([now.AddDays(-30)], purger.Calls);
        Assert.Equal(
            ["sessions/recent/trajectory.json", "sessions/recent/turn-01.png", "sessions/running/turn-01.png", "usage/2026-01-01.json"],
            await NamesAsync());
    }

    [Fact]
    public async Task A_new_app_whose_container_does_not_exist_yet_purges_and_rolls_up_nothing()
    {
        var fresh = new BlobContainerClient(Azurite.ConnectionString, Azurite.UniqueName("fresh"));
        try
        {
            var job = new RetentionJob(fresh, new TriggerOptions());
            var purged = await job.PurgeAsync(DateTimeOffset.UtcNow);
            var rollup = await job.RollUpUsageAsync(DateOnly.FromDateTime(DateTime.UtcNow));

            Assert.Equal(0, purged.SessionsDeleted);
            Assert.Equal(0, rollup.Sessions);
        }
        finally
        {
            await fresh.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Purge_without_a_history_purger_reports_none()
    {
        var result = await new RetentionJob(_container, new TriggerOptions()).PurgeAsync(DateTimeOffset.UtcNow);

        Assert.Null(result.InstancesPurged);
        Assert.Equal(0, result.SessionsDeleted);
    }

    [Fact]
    public async Task Usage_rollup_sums_the_sessions_that_ended_that_day()
    {
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await WriteSessionAsync("a", endedAt: start.AddMinutes(1), OutcomeKind.Done, inputTokens: 100, cost: 0.25m);
        await WriteSessionAsync("b", endedAt: start.AddMinutes(2), OutcomeKind.ImageBudgetReached, inputTokens: 50, cost: 0.5m);
        await WriteSessionAsync("yesterday", endedAt: start.AddMinutes(-1), OutcomeKind.Done, inputTokens: 1000, cost: 9m);
        await _store.PutAsync(SessionKeys.Trajectory("broken"), "{not json"u8.ToArray(), "application/json");

        var rollup = await new RetentionJob(_container, new TriggerOptions()).RollUpUsageAsync(day);

        Assert.Equal((2, 2, 150L, 0.75m), (rollup.Sessions, rollup.Images, rollup.InputTokens, rollup.ToolCost));
        Assert.Equal(new Dictionary<string, int> { ["Done"] = 1, ["ImageBudgetReached"] = 1 }, rollup.Outcomes);
        Assert.Equal([SessionKeys.Trajectory("broken")], rollup.Unreadable);
        var stored = (await _container.GetBlobClient(RetentionJob.UsageKey(day)).DownloadContentAsync()).Value.Content
            .ToObjectFromJson(TriggerJson.Default.UsageRollup)!;
        Assert.Equal(rollup.Sessions, stored.Sessions);
        Assert.Equal(day, stored.Day);
    }

    [Fact]
    public async Task Durable_task_client_purger_removes_finished_sessions_history()
    {
        await using var harness = await TriggerHarness.WithOfflineEngineAsync();
        var engine = (InProcessSessionEngine)harness.Engine;
        var id = await engine.StartAsync(new SessionRequest("a red apple", new SessionOptions { MaxImages = 1, Width = 256, Height = 256 }));
        await engine.WaitForCompletionAsync(id);

        var purged = await new DurableTaskClientHistoryPurger(engine.Client).PurgeAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(1, purged);
        Assert.Null(await engine.GetAsync(id));
    }

    private async Task WriteSessionAsync(string id, DateTimeOffset endedAt, OutcomeKind outcome = OutcomeKind.Done, long inputTokens = 0, decimal cost = 0m)
    {
        var image = new ImageRef(SessionKeys.TurnImage(id, 1), 64, 64);
        await _store.PutAsync(image.Key, new byte[] { 1 }, "image/png");
        var trajectory = new Trajectory
        {
            SessionId = id,
            Prompt = "p",
            Options = new SessionOptions(),
            Turns = [new TurnRecord { Index = 1, Kind = TurnKind.Generate, Image = image, Usage = new TokenUsage(inputTokens, 0), ToolCost = cost }],
            Outcome = new Outcome(outcome),
            FinalImage = image,
            EndedAt = endedAt,
        };
        await _store.PutAsync(SessionKeys.Trajectory(id), JsonSerializer.SerializeToUtf8Bytes(trajectory, SessionJson.Default.Trajectory), "application/json");
    }

    private async Task<List<string>> NamesAsync()
    {
        var names = new List<string>();
        await foreach (var item in _container.GetBlobsAsync()) names.Add(item.Name);
        return names;
    }

    private sealed class RecordingPurger : IOrchestrationHistoryPurger
    {
        public List<DateTimeOffset> Calls { get; } = [];

        public Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
        {
            Calls.Add(createdBefore);
            return Task.FromResult(3);
        }
    }
}

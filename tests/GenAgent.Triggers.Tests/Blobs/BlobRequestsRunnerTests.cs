using System.Text.Json;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Tests.Fakes;

namespace GenAgent.Triggers.Tests.Blobs;

public sealed class BlobRequestsRunnerTests
{
    [Fact]
    public async Task Jsonl_file_with_a_broken_line_runs_the_others_and_writes_results_and_summary()
    {
        await using var harness = await TriggerHarness.WithOfflineEngineAsync();
        var file = BinaryData.FromString(
            $$"""
            {"prompt": "a photo of a red apple", "options": {{TriggerHarness.SmallOptions}}}
            {"prompt": "two blue cups", "options":

            {"prompt": "a photo of a green bus", "options": {{TriggerHarness.SmallOptions}}}
            """);

        var started = await harness.Runner.StartFromFileAsync("day/prompts.jsonl", file);

        Assert.Equal([1, 4], started.Sessions.Select(s => s.Line));
        Assert.All(started.Sessions, s => Assert.True(s.IsNew));
        var broken = Assert.Single(started.Broken);
        Assert.Equal(2, broken.Line);
        Assert.Contains("not valid JSON", broken.Reason, StringComparison.Ordinal);

        var summary = await harness.Runner.CollectResultsAsync(started);

        Assert.All(summary.Sessions, s => Assert.Equal(OutcomeKind.Done, s.Outcome));
        foreach (var session in started.Sessions)
        {
            var png = (await harness.Results.GetBlobClient($"day/prompts.jsonl/{session.SessionId}/final.png").DownloadContentAsync()).Value.Content;
            Assert.Equal((256, 256), ImageInfo.PngSize(png.ToArray()));
            var trajectory = (await harness.Results.GetBlobClient($"day/prompts.jsonl/{session.SessionId}/trajectory.json").DownloadContentAsync()).Value.Content
                .ToObjectFromJson(SessionJson.Default.Trajectory)!;
            Assert.Equal(session.SessionId, trajectory.SessionId);
        }
        var stored = (await harness.Results.GetBlobClient("day/prompts.jsonl/summary.json").DownloadContentAsync()).Value.Content
            .ToObjectFromJson(TriggerJson.Default.BlobRequestsSummary)!;
        Assert.Equal(started.Sessions.Select(s => s.SessionId), stored.Sessions.Select(s => s.SessionId));
        Assert.All(stored.Sessions, s => Assert.Equal(1, s.ImagesUsed));
        Assert.Equal(2, Assert.Single(stored.Broken).Line);

        var again = await harness.Runner.StartFromFileAsync("day/prompts.jsonl", file);

        Assert.Equal(started.Sessions.Select(s => s.SessionId), again.Sessions.Select(s => s.SessionId));
        Assert.All(again.Sessions, s => Assert.False(s.IsNew));
    }

    [Fact]
    public async Task Json_array_starts_one_session_per_valid_item_and_reports_items_by_index()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        var file = BinaryData.FromString("""
            [{"prompt": "a cat", "options": {"followUpWindowSeconds": 600}}, {"prompt": 3}, {"prompt": "a dog"}, "text"]
            """);

        var started = await harness.Runner.StartFromFileAsync("pets.json", file);

        Assert.Equal([1, 3], started.Sessions.Select(s => s.Line));
        Assert.Equal([2, 4], started.Broken.Select(b => b.Line));
        Assert.Equal(0, harness.Recording.Sessions[started.Sessions[0].SessionId].Options.FollowUpWindowSeconds);
        Assert.Equal(SessionIds.FromFileLine("pets.json", 3), started.Sessions[1].SessionId);
    }

    [Theory]
    [InlineData("prompts.txt", "{\"prompt\": \"a cat\"}", "Unsupported file type")]
    [InlineData("prompts.json", "{\"prompt\": ", "not valid JSON")]
    public async Task Unusable_file_starts_nothing_and_says_why(string name, string content, string reason)
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();

        var started = await harness.Runner.StartFromFileAsync(name, BinaryData.FromString(content));

        Assert.Empty(started.Sessions);
        var broken = Assert.Single(started.Broken);
        Assert.Equal(0, broken.Line);
        Assert.Contains(reason, broken.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Recording.Sessions);
    }

    [Fact]
    public async Task Reads_the_file_from_the_requests_container()
    {
        await using var harness = await TriggerHarness.WithRecordingEngineAsync();
        await harness.Requests.CreateIfNotExistsAsync();
        await harness.Requests.GetBlobClient("one.json").UploadAsync(BinaryData.FromString("{\"prompt\": \"a lamp\"}"));

        var started = await harness.Runner.StartFromBlobAsync("one.json");

        Assert.Equal("a lamp", harness.Recording.Sessions[Assert.Single(started.Sessions).SessionId].Prompt);
        Assert.Equal("one.json", JsonSerializer.Deserialize(
            JsonSerializer.Serialize(started, TriggerJson.Default.BlobRequestsResult), TriggerJson.Default.BlobRequestsResult)!.FileName);
    }
}

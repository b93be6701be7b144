using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenAgent.Inference.TestModels;

namespace GenAgent.GpuWorker.Tests.Batching;

/// <summary>
/// Dynamic batching over real HTTP. The first batch is held at a gate, so requests queue behind it in a known state;
/// the tests wait for states through /health, never for time to pass.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class BatchingHttpTests
{
    private const string Model = TinyModelSet.SdName;

    [Fact]
    public async Task Concurrent_requests_for_one_model_and_size_coalesce_into_one_batch()
    {
        await using var worker = await TestWorker.StartAsync(("Worker:MaxBatch", "4"), ("Worker:MaxBatchWaitMs", "50"), ("Ocr:Enabled", "false"));
        worker.Runner.Close();
        var first = Generate(worker, "the first one", CancellationToken.None);
        await worker.Runner.FirstBatchEntered;

        var queued = Enumerable.Range(0, 4).Select(i => Generate(worker, $"queued {i}", CancellationToken.None)).ToList();
        await worker.WaitForModelAsync(Model, m => m.GetProperty("queue_depth").GetInt32() == 4, "4 images queued");
        worker.Runner.Open();

        Assert.All(await Task.WhenAll(queued.Append(first)), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([1, 4], worker.Runner.BatchSizes);
        var health = await worker.ModelHealthAsync(Model);
        Assert.Equal(2, health.GetProperty("batches").GetInt64());
        Assert.Equal(5, health.GetProperty("images_run").GetInt64());
        Assert.Equal(4, health.GetProperty("largest_batch").GetInt64());
        var metrics = await worker.Http.GetStringAsync("metrics");
        Assert.Contains($"genagent_worker_batch_size_bucket{{otel_scope_name=\"GenAgent.GpuWorker\",model=\"{Model}\",le=\"2\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains($"genagent_worker_batch_size_sum{{otel_scope_name=\"GenAgent.GpuWorker\",model=\"{Model}\"}} 5", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_queue_answers_429_with_retry_after()
    {
        await using var worker = await TestWorker.StartAsync(
            ("Worker:MaxBatch", "1"), ("Worker:MaxQueue", "1"), ("Worker:RetryAfterSeconds", "7"), ("Ocr:Enabled", "false"));
        worker.Runner.Close();
        var running = Generate(worker, "running", CancellationToken.None);
        await worker.Runner.FirstBatchEntered;
        var waiting = Generate(worker, "waiting", CancellationToken.None);
        await worker.WaitForModelAsync(Model, m => m.GetProperty("queue_depth").GetInt32() == 1, "1 image queued");

        using var refused = await Generate(worker, "one too many", CancellationToken.None);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("queue_full", error.GetProperty("code").GetString());
        Assert.Equal(1, (await worker.ModelHealthAsync(Model)).GetProperty("rejected").GetInt64());
        worker.Runner.Open();
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
    }

    [Fact]
    public async Task A_client_that_disconnects_while_queued_never_runs()
    {
        await using var worker = await TestWorker.StartAsync(("Worker:MaxBatch", "1"), ("Ocr:Enabled", "false"));
        worker.Runner.Close();
        var running = Generate(worker, "running", CancellationToken.None);
        await worker.Runner.FirstBatchEntered;
        using var leaving = new CancellationTokenSource();
        var abandoned = Generate(worker, "abandoned", leaving.Token);
        await worker.WaitForModelAsync(Model, m => m.GetProperty("queue_depth").GetInt32() == 1, "1 image queued");

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await worker.WaitForModelAsync(
            Model, m => m.GetProperty("cancelled_in_queue").GetInt64() == 1 && m.GetProperty("queue_depth").GetInt32() == 0, "the queued image removed");
        worker.Runner.Open();
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        using var after = await Generate(worker, "after", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(["running", "after"], worker.Runner.JobsRun.Select(j => j.Prompt));
        Assert.Equal(2, (await worker.ModelHealthAsync(Model)).GetProperty("images_run").GetInt64());
    }

    [Fact]
    public async Task A_request_past_its_timeout_answers_504_and_its_slot_is_dropped()
    {
        await using var worker = await TestWorker.StartAsync(("Worker:RequestTimeoutSeconds", "0.3"), ("Ocr:Enabled", "false"));
        worker.Runner.Close();

        using var response = await Generate(worker, "too slow", CancellationToken.None);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("request_timeout", error.GetProperty("code").GetString());
        Assert.Contains("0.3 s", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await worker.ModelHealthAsync(Model)).GetProperty("dropped_from_batch").GetInt64());
    }

    private static Task<HttpResponseMessage> Generate(TestWorker worker, string prompt, CancellationToken cancellationToken) =>
        worker.Http.PostAsJsonAsync("v1/images/generations", new { model = Model, prompt, seed = 1 }, cancellationToken);
}

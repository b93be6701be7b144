using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenAgent.GpuWorker.Api;
using GenAgent.Inference.TestModels;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.GpuWorker.Tests.Batching;

/// <summary>
/// A session resumed after a crash calls the tool again with the same Idempotency-Key: the worker joins the repeat to
/// the job in flight (which keeps running when its first client is gone) or to the finished one, so the GPU runs once.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class IdempotencyTests
{
    private const string Model = TinyModelSet.SdName;

    [Fact]
    public async Task A_repeat_of_a_keyed_generation_whose_client_died_mid_run_gets_its_image_without_a_second_run()
    {
        await using var worker = await TestWorker.StartAsync(("Worker:MaxBatch", "1"), ("Ocr:Enabled", "false"));
        worker.Runner.Close();
        using var crashed = new CancellationTokenSource();
        var first = Generate(worker, "a red bus", "genagent:sessions/s1/turn-01.png", crashed.Token);
        await worker.Runner.FirstBatchEntered;
        await crashed.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var repeat = Generate(worker, "a red bus", "genagent:sessions/s1/turn-01.png", CancellationToken.None);
        worker.Runner.Open();
        using var answered = await repeat;
        using var again = await Generate(worker, "a red bus", "genagent:sessions/s1/turn-01.png", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(worker.Runner.JobsRun);
        Assert.Equal(await Image(answered), await Image(again));
        Assert.Equal(2, worker.Services.GetRequiredService<IdempotentJobs>().Joined);
    }

    [Fact]
    public async Task Unkeyed_repeats_run_again_and_a_key_reused_for_another_request_is_refused()
    {
        await using var worker = await TestWorker.StartAsync(("Ocr:Enabled", "false"));

        using var one = await Generate(worker, "a cat", key: null, CancellationToken.None);
        using var two = await Generate(worker, "a cat", key: null, CancellationToken.None);
        using var keyed = await Generate(worker, "a cat", "k-1", CancellationToken.None);
        using var reused = await Generate(worker, "a dog", "k-1", CancellationToken.None);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { one.StatusCode, two.StatusCode, keyed.StatusCode });
        Assert.Equal(3, worker.Runner.JobsRun.Count);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        var error = (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("idempotency_key_reused", error.GetProperty("code").GetString());
    }

    private static async Task<string> Image(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data")[0].GetProperty("b64_json").GetString()!;

    private static Task<HttpResponseMessage> Generate(TestWorker worker, string prompt, string? key, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/images/generations") { Content = JsonContent.Create(new { model = Model, prompt, seed = 1, size = "64x64" }) };
        if (key is not null) request.Headers.Add(IdempotentJobs.Header, key);
        return worker.Http.SendAsync(request, cancellationToken);
    }
}

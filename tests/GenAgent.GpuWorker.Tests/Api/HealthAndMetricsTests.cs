using System.Net.Http.Json;
using GenAgent.Inference.TestModels;

namespace GenAgent.GpuWorker.Tests.Api;

[Collection(MetricsCollection.Name)]
public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task Cuda_preferred_on_a_cpu_machine_reports_cpu_and_why()
    {
        await using var worker = await TestWorker.StartAsync(("Worker:Provider", "cuda-preferred"), ("Ocr:Enabled", "false"));

        var health = await worker.HealthAsync();

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("CPU", health.GetProperty("provider").GetString());
        Assert.Equal("cuda-preferred", health.GetProperty("policy").GetString());
        Assert.Contains("CUDA", health.GetProperty("fallback_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("clip-tiny", health.GetProperty("clip_judge").GetString());
        Assert.False(health.GetProperty("ocr").GetProperty("loaded").GetBoolean());
        var sd = await worker.ModelHealthAsync(TinyModelSet.SdName);
        var limits = sd.GetProperty("limits");
        Assert.Equal(64, limits.GetProperty("default_width").GetInt32());
        Assert.Equal(32, limits.GetProperty("size_multiple").GetInt32());
        Assert.Equal(4, limits.GetProperty("max_batch").GetInt32());
        Assert.True(limits.GetProperty("supports_edit").GetBoolean());
        Assert.Equal(0, sd.GetProperty("queue_depth").GetInt32());
        Assert.True(sd.GetProperty("file_bytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Cpu_policy_has_no_fallback_and_metrics_export_the_worker_instruments()
    {
        await using var worker = await TestWorker.StartAsync(("Ocr:Enabled", "false"));
        using var made = await worker.Http.PostAsJsonAsync("v1/images/generations", new { model = TinyModelSet.SdName, prompt = "a cat", n = 2 });
        made.EnsureSuccessStatusCode();

        var health = await worker.HealthAsync();
        var metrics = await worker.Http.GetStringAsync("metrics");

        Assert.Equal("cpu", health.GetProperty("policy").GetString());
        Assert.False(health.TryGetProperty("fallback_reason", out _));
        Assert.Contains("genagent_worker_batch_size_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("genagent_worker_batch_size_sum{otel_scope_name=\"GenAgent.GpuWorker\",model=\"sd-tiny\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("genagent_worker_queue_depth", metrics, StringComparison.Ordinal);
        Assert.Contains("genagent_worker_ort_run_time_seconds_total", metrics, StringComparison.Ordinal);
        Assert.Contains("genagent_worker_requests_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"/v1/images/generations\"", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }
}

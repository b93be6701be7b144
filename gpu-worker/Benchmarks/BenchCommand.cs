using System.Diagnostics;
using System.Globalization;
using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Configuration;
using GenAgent.GpuWorker.Models;
using GenAgent.GpuWorker.Telemetry;
using GenAgent.Inference.Pipelines;
using GenAgent.Inference.TestModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using System.Diagnostics.Metrics;

namespace GenAgent.GpuWorker.Benchmarks;

/// <summary>
/// Prints the worker's figures for each generation model on the active provider: the share of pipeline time spent
/// outside ONNX Runtime's Run(), throughput of concurrent clients against sequential ones through the batcher, and
/// memory per loaded pipeline.
/// </summary>
public static class BenchCommand
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--models"] = "Bench:Models",
        ["--clients"] = "Bench:Clients",
        ["--requests"] = "Bench:Requests",
        ["--overhead-runs"] = "Bench:OverheadRuns",
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args, SwitchMappings).Build();
        var settings = StartupOptions.Bind<BenchSettings>(configuration, "Bench");
        var worker = StartupOptions.Bind<WorkerOptions>(configuration, WorkerOptions.SectionName);
        var folder = settings.Models ?? configuration["Models:Path"];
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = Path.Combine(Path.GetTempPath(), "genagent-bench-models-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            TinyModelSet.Write(folder);
            await output.WriteLineAsync($"No --models given: wrote the tiny model set to {folder}");
        }

        using var models = WorkerModels.Load(folder, worker, NullLoggerFactory.Instance);
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new WorkerMetrics(services.GetRequiredService<IMeterFactory>());
        var runner = new PipelineBatchRunner(models);

        await output.WriteLineAsync($"provider {models.Provider} (policy {models.Policy}){(models.FallbackReason is { } r ? " - fallback: " + r : "")}");
        await output.WriteLineAsync($"cores {Environment.ProcessorCount}, clients {settings.Clients}, images per throughput run {settings.Requests}, batch wait {worker.MaxBatchWaitMs} ms");
        foreach (var pipeline in models.Pipelines)
        {
            await BenchPipelineAsync(pipeline, models, runner, metrics, worker, settings, output);
        }

        return 0;
    }

    private static async Task BenchPipelineAsync(
        IImagePipeline pipeline, WorkerModels models, IBatchRunner runner, WorkerMetrics metrics, WorkerOptions worker, BenchSettings settings, TextWriter output)
    {
        var name = pipeline.Manifest.Name;
        var limits = pipeline.Limits;
        var memory = models.Memory(name);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"== {name} ({limits.DefaultWidth}x{limits.DefaultHeight}, {limits.DefaultSteps} steps, max batch {limits.MaxBatch})");
        await output.WriteLineAsync($"memory: ONNX files {Mib(memory?.FileBytes)}, working set growth at load+warm-up {Mib(memory?.WorkingSetDelta)}");

        // Overhead: single-image calls straight into the pipeline, wall time against the ORT Run() time inside it.
        var timer = models.Factory.RunTimer;
        var key = new BatchKey(BatchMode.Generate, limits.DefaultWidth, limits.DefaultHeight);
        await pipeline.GenerateAsync([Job(limits, -1)], null, CancellationToken.None);
        timer.Reset();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < settings.OverheadRuns; i++)
        {
            await pipeline.GenerateAsync([Job(limits, i)], null, CancellationToken.None);
        }

        var wall = Stopwatch.GetElapsedTime(started);
        var ort = timer.TotalRunTime;
        var overhead = wall - ort;
        await output.WriteLineAsync(
            $"overhead: {settings.OverheadRuns} images in {Ms(wall)}, ORT Run() {Ms(ort)} over {timer.RunCount} runs; " +
            $"outside ORT {Ms(overhead)} = {Percent(overhead, wall)} of wall time ({Percent(overhead, ort)} on top of ORT) [target <= 3 %]");

        // One untimed pass so JIT and ORT's first-run allocations of each batch size are not charged to either side.
        await ThroughputAsync(name, key, limits, runner, metrics, worker, settings.Clients, settings.Clients * 2);
        var sequential = await ThroughputAsync(name, key, limits, runner, metrics, worker, clients: 1, settings.Requests);
        var concurrent = await ThroughputAsync(name, key, limits, runner, metrics, worker, settings.Clients, settings.Requests);
        await output.WriteLineAsync(
            $"throughput via the batcher: sequential {sequential.PerSecond:0.0} img/s (mean batch {sequential.MeanBatch:0.0}), " +
            $"{settings.Clients} concurrent clients {concurrent.PerSecond:0.0} img/s (mean batch {concurrent.MeanBatch:0.0}); " +
            $"speed-up {concurrent.PerSecond / sequential.PerSecond:0.00}x [target >= 2x]");
        await output.WriteLineAsync(
            $"direct pipeline calls, one image each, no batcher: {settings.OverheadRuns / wall.TotalSeconds:0.0} img/s " +
            $"(the batcher's {worker.MaxBatchWaitMs} ms wait window is what a lone request pays for coalescing)");
    }

    private static async Task<(double PerSecond, double MeanBatch)> ThroughputAsync(
        string name, BatchKey key, PipelineLimits limits, IBatchRunner runner, WorkerMetrics metrics, WorkerOptions worker, int clients, int images)
    {
        var settings = new BatchSettings(
            worker.MaxBatch > 0 ? Math.Min(worker.MaxBatch, limits.MaxBatch) : Math.Max(1, limits.MaxBatch),
            Math.Max(worker.MaxQueue, clients),
            TimeSpan.FromMilliseconds(worker.MaxBatchWaitMs),
            TimeSpan.FromSeconds(worker.RetryAfterSeconds));
        await using var batcher = new ModelBatcher(name, settings, runner, metrics, NullLogger.Instance);
        var perClient = Math.Max(1, images / clients);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < perClient; i++)
            {
                var tasks = batcher.Submit(key, [Job(limits, (client * perClient) + i)], CancellationToken.None);
                await tasks[0];
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var made = perClient * clients;
        return (made / elapsed.TotalSeconds, (double)batcher.Counters.JobsRun / Math.Max(1, batcher.Counters.Batches));
    }

    private static ImageJob Job(PipelineLimits limits, int seed) =>
        new("a red square on a white table", limits.DefaultWidth, limits.DefaultHeight, seed);

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Percent(TimeSpan part, TimeSpan whole) =>
        whole > TimeSpan.Zero ? (100 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static string Mib(long? bytes) =>
        bytes is { } b ? (b / (1024.0 * 1024.0)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB" : "n/a";
}

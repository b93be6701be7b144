using System.Diagnostics;
using GenAgent.Inference.Pipelines;
using GenAgent.Inference.Runtime;

namespace GenAgent.Inference.Benchmarks;

/// <summary>Figures for the benchmark command: pipeline overhead over summed Run() time. Run it alone: the timer is shared.</summary>
public static class PipelineBenchmark
{
    public static async Task<OverheadReport> MeasureOverheadAsync(
        IImagePipeline pipeline,
        OrtSessionFactory factory,
        int calls,
        int batchSize,
        int? steps = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        var limits = pipeline.Limits;
        var jobs = Enumerable.Range(0, batchSize)
            .Select(i => new ImageJob($"a photo of {i + 1} red clocks on the left", limits.DefaultWidth, limits.DefaultHeight, i, steps))
            .ToArray();

        // One untimed call so first-run allocations do not count.
        await pipeline.GenerateAsync(jobs, null, cancellationToken).ConfigureAwait(false);
        var timer = factory.RunTimer;
        var runTimeBefore = timer.TotalRunTime;
        var runsBefore = timer.RunCount;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await pipeline.GenerateAsync(jobs, null, cancellationToken).ConfigureAwait(false);
        }

        var wall = Stopwatch.GetElapsedTime(started);
        return new OverheadReport(
            pipeline.Manifest.Name,
            factory.ActiveProvider,
            calls,
            batchSize,
            steps ?? limits.DefaultSteps,
            wall,
            timer.TotalRunTime - runTimeBefore,
            timer.RunCount - runsBefore);
    }
}

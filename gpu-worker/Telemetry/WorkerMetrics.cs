using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GenAgent.GpuWorker.Telemetry;

/// <summary>
/// The worker's instruments on one meter; OpenTelemetry exports them at /metrics. Names follow the OpenTelemetry
/// conventions; Prometheus sees them with underscores and unit suffixes (genagent_worker_batch_size, ...).
/// The meter comes from IMeterFactory, which owns and disposes it.
/// </summary>
public sealed class WorkerMetrics
{
    public const string MeterName = "GenAgent.GpuWorker";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _jobs;
    private readonly ConcurrentDictionary<string, int> _queueDepth = new(StringComparer.Ordinal);

    public WorkerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("genagent.worker.requests", "{request}", "Requests by endpoint and status code.");
        _batchSize = _meter.CreateHistogram<int>(
            "genagent.worker.batch.size",
            "{image}",
            "Images per batch that ran.",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 4, 6, 8, 12, 16, 32] });
        _jobs = _meter.CreateCounter<long>("genagent.worker.images", "{image}", "Images by outcome: run, rejected (429).");
        _meter.CreateObservableGauge(
            "genagent.worker.queue.depth",
            () => _queueDepth.Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("model", p.Key))),
            "{image}",
            "Images waiting for a batch, per model.");
    }

    /// <summary>Exposes the summed ONNX Runtime Run() time and count, read at each scrape.</summary>
    public void ObserveRunTime(Func<TimeSpan> total, Func<long> count)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(count);
        _meter.CreateObservableCounter("genagent.worker.ort.run.time", () => total().TotalSeconds, "s", "Summed ONNX Runtime Run() wall time.");
        _meter.CreateObservableCounter("genagent.worker.ort.runs", count, "{run}", "ONNX Runtime Run() calls.");
    }

    public void Request(string endpoint, int status) =>
        _requests.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("status", status));

    public void BatchRan(string model, int size)
    {
        var tag = new KeyValuePair<string, object?>("model", model);
        _batchSize.Record(size, tag);
        _jobs.Add(size, tag, new KeyValuePair<string, object?>("outcome", "run"));
    }

    public void Rejected(string model, int images) =>
        _jobs.Add(images, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("outcome", "rejected"));

    public void QueueChanged(string model, int depth) => _queueDepth[model] = depth;
}

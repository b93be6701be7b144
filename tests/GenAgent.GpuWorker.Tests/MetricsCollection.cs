namespace GenAgent.GpuWorker.Tests;

/// <summary>
/// Tests that read /metrics run alone: OpenTelemetry listens to every meter named GenAgent.GpuWorker in the process,
/// so a worker started by a parallel test would add its batches to the figures under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}

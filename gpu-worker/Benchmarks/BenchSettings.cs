using System.ComponentModel.DataAnnotations;

namespace GenAgent.GpuWorker.Benchmarks;

/// <summary>The <c>bench</c> command's options (<c>--models</c>, <c>--clients</c>, <c>--requests</c>, <c>--Worker:...</c>).</summary>
public sealed class BenchSettings
{
    /// <summary>The models folder; empty = the tiny set, written to a temp folder.</summary>
    public string? Models { get; set; }

    [Range(1, 64)]
    public int Clients { get; set; } = 8;

    /// <summary>Images per throughput run (sequential and concurrent make the same number).</summary>
    [Range(1, 100_000)]
    public int Requests { get; set; } = 64;

    /// <summary>Single-image calls for the overhead figure.</summary>
    [Range(1, 100_000)]
    public int OverheadRuns { get; set; } = 32;
}

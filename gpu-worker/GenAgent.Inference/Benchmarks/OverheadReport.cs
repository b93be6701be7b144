namespace GenAgent.Inference.Benchmarks;

/// <summary>
/// Wall time of sequential generations against the ONNX Runtime Run() time inside them.
/// Overhead = (wall - run) / run: tokenising, tensor copies, scheduler math, image encoding.
/// </summary>
public sealed record OverheadReport(string Model, string Provider, int Calls, int BatchSize, int Steps, TimeSpan Wall, TimeSpan RunTime, long Runs)
{
    public double OverheadPercent => RunTime <= TimeSpan.Zero ? double.NaN : (Wall - RunTime) / RunTime * 100;

    public double ImagesPerSecond => Calls * BatchSize / Wall.TotalSeconds;

    public override string ToString() =>
        $"{Model} [{Provider}] {Calls} calls x {BatchSize} images, {Steps} steps: wall {Wall.TotalMilliseconds:F1} ms, "
        + $"Run() {RunTime.TotalMilliseconds:F1} ms in {Runs} runs, overhead {OverheadPercent:F1} %, {ImagesPerSecond:F1} images/s";
}

using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace GenAgent.Inference.Runtime;

/// <summary>
/// The one door through which every pipeline calls <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>,
/// so a benchmark can compare a pipeline's wall time with the time ONNX Runtime itself spent.
/// </summary>
public sealed class RunTimer
{
    private long _ticks;
    private long _count;

    /// <summary>Summed wall time of every Run() that went through this timer.</summary>
    public TimeSpan TotalRunTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public long RunCount => Interlocked.Read(ref _count);

    public IDisposableReadOnlyCollection<OrtValue> Run(
        InferenceSession session,
        IReadOnlyCollection<string> inputNames,
        IReadOnlyCollection<OrtValue> inputs,
        IReadOnlyCollection<string> outputNames,
        RunOptions? runOptions = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var start = Stopwatch.GetTimestamp();
        try
        {
            if (runOptions is not null)
            {
                return session.Run(runOptions, inputNames, inputs, outputNames);
            }

            using var options = new RunOptions();
            return session.Run(options, inputNames, inputs, outputNames);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref _count);
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _count, 0);
    }
}

using GenAgent.GpuWorker.Configuration;
using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;

namespace GenAgent.GpuWorker.Commands;

/// <summary>The startup failures that are the operator's to fix, each reported as one line instead of a stack trace.</summary>
internal static class StartupFailure
{
    public const int ExitCode = 2;

    public static bool TryDescribe(Exception exception, out string line)
    {
        line = exception switch
        {
            WorkerStartupException ex => ex.Message,
            ProviderUnavailableException ex => $"Worker:Provider is cuda-required but {ex.Message}",
            ModelLoadException ex => $"The models folder does not load: {ex.Message} (fix the manifest, or rewrite a test set with `make-test-models <folder>`).",
            _ => string.Empty,
        };
        line = line.ReplaceLineEndings(" ");
        return line.Length > 0;
    }
}

using GenAgent.Inference.TestModels;

namespace GenAgent.GpuWorker.Tests;

/// <summary>The tiny model set, written once per test run.</summary>
internal static class TestModelFolder
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "genagent-worker-tests", Guid.NewGuid().ToString("N"));
        TinyModelSet.Write(folder);
        return folder;
    });

    public static string Path => Folder.Value;
}

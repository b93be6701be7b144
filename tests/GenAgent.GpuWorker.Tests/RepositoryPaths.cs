using System.Runtime.CompilerServices;
using GenAgent.Ocr;

namespace GenAgent.GpuWorker.Tests;

/// <summary>
/// Paths in the repository, found from this source file: the tests run from an artifacts folder outside the
/// repository, where the worker's own search for tools/ocr-models finds nothing.
/// </summary>
internal static class RepositoryPaths
{
    public static string OcrModels { get; } = FindOcrModels();

    private static string FindOcrModels([CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, OcrModelPaths.RepositoryAssets);
            if (File.Exists(Path.Combine(candidate, OcrModelPaths.DetectionFile)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No {OcrModelPaths.RepositoryAssets} above {source}: run `npm ci` in tools/ocr-models.");
    }
}

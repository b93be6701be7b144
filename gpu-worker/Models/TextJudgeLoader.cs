using GenAgent.GpuWorker.Configuration;
using GenAgent.Inference.Runtime;
using GenAgent.Ocr;
using Microsoft.Extensions.Logging;

namespace GenAgent.GpuWorker.Models;

/// <summary>
/// Loads PaddleOCR from Ocr:Path, or from the repository's npm install when none is set. A configured folder that
/// is wrong stops the worker; no folder at all only switches the text judge off.
/// </summary>
internal static class TextJudgeLoader
{
    public static TextJudge Load(OcrSettings settings, OrtSessionFactory factory, ILogger logger)
    {
        if (!settings.Enabled)
        {
            return Missing(logger, "disabled by Ocr:Enabled=false.");
        }

        OcrModelPaths? paths;
        try
        {
            paths = string.IsNullOrWhiteSpace(settings.Path) ? OcrModelPaths.FindDefault() : OcrModelPaths.FromFolder(settings.Path);
        }
        catch (OcrModelException ex)
        {
            throw new WorkerStartupException($"Ocr:Path: {ex.Message} Or set Ocr:Enabled=false.", ex);
        }

        if (paths is null)
        {
            return Missing(logger, $"no Ocr:Path set and no {OcrModelPaths.RepositoryAssets} found (npm ci in tools/ocr-models, or set Ocr:Path).");
        }

        var folder = Path.GetDirectoryName(paths.Detection)!;
        try
        {
            using var options = factory.CreateOptions();
            var engine = OcrEngine.Load(paths, options, logger: logger);
            Logs.OcrLoaded(logger, folder);
            return TextJudge.Loaded(engine, folder);
        }
        catch (OcrModelException ex)
        {
            throw new WorkerStartupException($"The OCR models in '{folder}' do not load: {ex.Message}", ex);
        }
    }

    private static TextJudge Missing(ILogger logger, string reason)
    {
        Logs.OcrMissing(logger, reason);
        return TextJudge.Missing(reason);
    }
}

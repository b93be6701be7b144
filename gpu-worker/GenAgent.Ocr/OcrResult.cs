namespace GenAgent.Ocr;

/// <summary>The text lines found in one image, sorted top to bottom, then left to right.</summary>
public sealed record OcrResult(IReadOnlyList<OcrLine> Lines)
{
    /// <summary>The lines' text joined with newlines, in reading order.</summary>
    public string FullText => string.Join('\n', Lines.Select(l => l.Text));
}

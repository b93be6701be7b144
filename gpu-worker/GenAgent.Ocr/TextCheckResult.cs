namespace GenAgent.Ocr;

/// <summary>The answer to "does the image contain this text?".</summary>
/// <param name="Contains">True when <paramref name="Similarity"/> reaches the threshold.</param>
/// <param name="Similarity">1 minus the normalized edit distance between the expected text and the best-matching window of the recognized text, 0..1.</param>
/// <param name="Recognized">Everything the OCR read, lines joined with newlines.</param>
/// <param name="Lines">The recognized lines with their boxes.</param>
public sealed record TextCheckResult(bool Contains, float Similarity, string Recognized, IReadOnlyList<OcrLine> Lines);

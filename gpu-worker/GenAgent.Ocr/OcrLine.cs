namespace GenAgent.Ocr;

/// <summary>One recognized text line.</summary>
/// <param name="Text">The recognized characters.</param>
/// <param name="Confidence">Mean probability of the recognized characters, 0..1.</param>
/// <param name="Box">Four corners in the original image, clockwise from the top left.</param>
public sealed record OcrLine(string Text, float Confidence, IReadOnlyList<OcrPoint> Box);

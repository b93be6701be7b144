namespace GenAgent.Ocr;

/// <summary>A pixel position in the original image (x to the right, y down).</summary>
public readonly record struct OcrPoint(int X, int Y);

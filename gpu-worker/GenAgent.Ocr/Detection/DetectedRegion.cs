namespace GenAgent.Ocr.Detection;

/// <summary>A text region the detector found: its corners in the original image and its mean probability.</summary>
internal readonly record struct DetectedRegion(TextQuad Quad, float Score);

namespace GenAgent.Sketch;

/// <summary>One drawn region: its box, its pixels (indices into an image <see cref="ImageWidth"/> wide) and its color.</summary>
internal sealed record Segment(PixelBox Box, int[] Pixels, int ImageWidth, string? Color);

namespace GenAgent.Inference.Pipelines;

/// <summary>A generated image as PNG bytes, with the seed that reproduces it on the same provider.</summary>
public sealed record GeneratedImage(byte[] Png, long Seed);

namespace GenAgent.Inference.Pipelines;

/// <summary>
/// One image to make. <paramref name="InitImage"/> (PNG, JPEG or WebP bytes) turns it into image-to-image
/// (edit): <paramref name="Strength"/> is the share of the schedule that is re-run, 1 = ignore the image.
/// </summary>
public sealed record ImageJob(
    string Prompt,
    int Width,
    int Height,
    long Seed,
    int? Steps = null,
    float? GuidanceScale = null,
    string? NegativePrompt = null,
    byte[]? InitImage = null,
    float Strength = 0.6f);

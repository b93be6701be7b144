namespace GenAgent.GpuWorker.Wire;

/// <summary>
/// <c>POST /v1/images/generations</c>. <c>seed</c>, <c>steps</c>, <c>guidance_scale</c> and <c>negative_prompt</c>
/// extend OpenAI's body; fields OpenAI has and we do not use (quality, style, user) are accepted and ignored.
/// </summary>
internal sealed record ImagesGenerationBody(
    string? Model,
    string? Prompt,
    int? N,
    string? Size,
    string? ResponseFormat,
    long? Seed,
    int? Steps,
    float? GuidanceScale,
    string? NegativePrompt,
    string? Quality,
    string? Style,
    string? User);

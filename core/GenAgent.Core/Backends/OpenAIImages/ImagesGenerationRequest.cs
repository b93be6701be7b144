namespace GenAgent.Core.Backends.OpenAIImages;

/// <summary>The body of <c>POST /images/generations</c>; null fields are left out.</summary>
internal sealed record ImagesGenerationRequest(
    string? Model,
    string Prompt,
    int N,
    string Size,
    string? ResponseFormat,
    string? Quality,
    long? Seed);

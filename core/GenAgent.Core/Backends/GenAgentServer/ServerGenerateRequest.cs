namespace GenAgent.Core.Backends.GenAgentServer;

/// <summary>The reference generator's body: one caption in a list, the size, and sampler settings only when configured.</summary>
internal sealed record ServerGenerateRequest(
    IReadOnlyList<string> Prompt,
    int Height,
    int Width,
    int? NumInferenceSteps,
    double? GuidanceScale);

namespace GenAgent.GpuWorker.Wire;

/// <summary>Both image endpoints answer <c>{"created", "data": [{"b64_json", "revised_prompt"?}]}</c>; <c>seed</c> is our extension.</summary>
internal sealed record ImagesReply(long Created, IReadOnlyList<ImageDatum> Data);

internal sealed record ImageDatum(string B64Json, string? RevisedPrompt, long Seed);

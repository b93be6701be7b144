namespace GenAgent.Api.Wire;

/// <summary>
/// One image the agent made. <see cref="Caption"/> is the generation caption or the edit instruction;
/// <see cref="Judgment"/> is the agent's critique of this image, absent until it has looked at it.
/// </summary>
internal sealed record RoundResponse(int Round, string Tool, string? Caption, long? Seed, string? ImageUrl, string? Judgment);

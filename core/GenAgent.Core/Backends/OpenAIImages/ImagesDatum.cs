namespace GenAgent.Core.Backends.OpenAIImages;

internal sealed record ImagesDatum(string? B64Json, string? Url);

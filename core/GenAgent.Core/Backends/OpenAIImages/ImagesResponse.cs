namespace GenAgent.Core.Backends.OpenAIImages;

/// <summary>The reply of both image endpoints.</summary>
internal sealed record ImagesResponse(IReadOnlyList<ImagesDatum>? Data);

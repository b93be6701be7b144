namespace GenAgent.Core.Tools;

/// <summary>The generation tool: a caption in, an image out.</summary>
public interface IImageGenerator
{
    Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The editing tool: an instruction and the latest image in, an image out.</summary>
public interface IImageEditor
{
    Task<GeneratedImage> EditAsync(EditRequest request, CancellationToken cancellationToken = default);
}

/// <param name="IdempotencyKey">One key per session turn: a backend that honours it (our worker) runs a repeated call once.</param>
public sealed record GenerationRequest(string Caption, int Width, int Height, long Seed, string? IdempotencyKey = null, string? NegativePrompt = null);

/// <param name="IdempotencyKey">As for <see cref="GenerationRequest"/>.</param>
public sealed record EditRequest(string Instruction, byte[] SourcePng, int Width, int Height, long Seed, string? IdempotencyKey = null, string? NegativePrompt = null);

/// <summary>A tool result. <see cref="Cost"/> is what the call cost in US dollars, when the backend knows.</summary>
public sealed record GeneratedImage(byte[] Png, int Width, int Height, decimal? Cost = null);

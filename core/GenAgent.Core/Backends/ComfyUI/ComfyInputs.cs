namespace GenAgent.Core.Backends.ComfyUI;

/// <summary>What one call puts into a workflow; <see cref="Image"/> is the uploaded source's name, for edits.</summary>
internal sealed record ComfyInputs(string Prompt, string? NegativePrompt, long Seed, int Width, int Height, int? Steps, string? Image = null, double? Denoise = null);

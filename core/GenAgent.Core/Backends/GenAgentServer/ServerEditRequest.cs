namespace GenAgent.Core.Backends.GenAgentServer;

/// <summary>
/// The reference editor's body: one instruction and one base64 PNG, each in a list, and the source image's size
/// (without it the Qwen-Image-Edit server answers at its own default size, so non-square sessions got square edits).
/// </summary>
internal sealed record ServerEditRequest(IReadOnlyList<string> Prompt, IReadOnlyList<string> Image, int Height, int Width);

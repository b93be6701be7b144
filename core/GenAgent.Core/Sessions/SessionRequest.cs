using GenAgent.Core.Images;

namespace GenAgent.Core.Sessions;

/// <summary>What a user asks for: a prompt, optionally an image to start from, and options.</summary>
public sealed record SessionRequest(string Prompt, SessionOptions Options, ImageRef? InputImage = null);

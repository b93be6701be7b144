namespace GenAgent.Core.Backends.GenAgentServer;

/// <summary>The reference editor's body: one instruction and one base64 PNG, each in a list.</summary>
internal sealed record ServerEditRequest(IReadOnlyList<string> Prompt, IReadOnlyList<string> Image);

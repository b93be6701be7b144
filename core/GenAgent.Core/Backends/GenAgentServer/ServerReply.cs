namespace GenAgent.Core.Backends.GenAgentServer;

/// <summary>Both reference servers answer <c>{"status": "success", "images": ["&lt;base64 PNG&gt;"]}</c>, or a status and a message.</summary>
internal sealed record ServerReply(string? Status, IReadOnlyList<string>? Images, string? Message, string? Error);

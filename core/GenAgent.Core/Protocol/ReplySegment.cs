namespace GenAgent.Core.Protocol;

/// <summary>One tagged region of an assistant reply; <see cref="Closed"/> is false when the model never wrote the closing tag.</summary>
internal sealed record ReplySegment(string Tag, string Content, bool Closed);

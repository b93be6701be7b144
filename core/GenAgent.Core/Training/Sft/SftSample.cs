namespace GenAgent.Core.Training.Sft;

/// <summary>One exported conversation: its messages, each with text and the images it carries in order.</summary>
internal sealed record SftSample(string SessionId, string Prompt, IReadOnlyList<SftMessage> Messages);

/// <summary>A message: its parts in order; an image part is its PNG bytes.</summary>
internal sealed record SftMessage(string Role, IReadOnlyList<SftPart> Parts);

internal sealed record SftPart(string? Text, byte[]? Image);

namespace GenAgent.Discord.Rest;

/// <summary>A file to upload as <c>files[n]</c>; embeds reference it as <c>attachment://{FileName}</c>.</summary>
public sealed record FileAttachment(string FileName, byte[] Content, string ContentType, string? Description = null);

namespace GenAgent.Discord.Sessions.Posting;

/// <summary>An image ready to attach: its file name (the extension matches the encoding), bytes and size.</summary>
public sealed record FittedImage(string FileName, byte[] Content, string ContentType, int Width, int Height);

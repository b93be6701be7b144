namespace GenAgent.Discord.Tests.Fakes;

public sealed record RecordedPart(string Name, string? FileName, string? ContentType, byte[] Content);

namespace GenAgent.Discord.Wire;

/// <summary>A file on a received message or interaction. Its URL is signed and expires: download promptly.</summary>
public sealed record Attachment
{
    public string Id { get; init; } = "";
    public string Filename { get; init; } = "";
    public string? Description { get; init; }
    public string Url { get; init; } = "";
    public string? ProxyUrl { get; init; }
    public string? ContentType { get; init; }
    public long Size { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
}

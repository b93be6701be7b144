namespace GenAgent.Discord.Wire;

public sealed record Embed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public int? Color { get; init; }

    /// <summary>ISO 8601.</summary>
    public string? Timestamp { get; init; }
    public IReadOnlyList<EmbedField>? Fields { get; init; }

    /// <summary>An uploaded file is referenced as <c>attachment://name.png</c>.</summary>
    public EmbedMedia? Image { get; init; }
    public EmbedMedia? Thumbnail { get; init; }
    public EmbedFooter? Footer { get; init; }
    public EmbedAuthor? Author { get; init; }
}

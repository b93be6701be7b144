namespace GenAgent.Discord.Wire;

public sealed record EmbedMedia
{
    public string Url { get; init; } = "";
    public int? Width { get; init; }
    public int? Height { get; init; }
}

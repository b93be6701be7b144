using System.Text.Json.Serialization;

namespace GenAgent.Discord.Wire;

public sealed record DiscordChannel
{
    public string Id { get; init; } = "";
    public ChannelType Type { get; init; }
    public string? GuildId { get; init; }

    /// <summary>For a thread, the channel it lives in.</summary>
    public string? ParentId { get; init; }
    public string? Name { get; init; }

    /// <summary>Age-restricted.</summary>
    public bool? Nsfw { get; init; }

    [JsonIgnore]
    public bool IsThread => Type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread;
}

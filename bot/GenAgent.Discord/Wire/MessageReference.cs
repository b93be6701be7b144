namespace GenAgent.Discord.Wire;

/// <summary>Makes a message a reply.</summary>
public sealed record MessageReference
{
    public string? MessageId { get; init; }
    public string? ChannelId { get; init; }
    public string? GuildId { get; init; }

    /// <summary>False lets the reply be sent as a plain message when the referenced one is gone.</summary>
    public bool? FailIfNotExists { get; init; }
}

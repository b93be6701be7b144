namespace GenAgent.Discord.Wire;

public sealed record GuildMember
{
    public DiscordUser? User { get; init; }
    public string? Nick { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The member's permissions in the channel, a bit set as a decimal string.</summary>
    public string? Permissions { get; init; }
}

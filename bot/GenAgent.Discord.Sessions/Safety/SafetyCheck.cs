using GenAgent.Discord.Sessions.Settings;

namespace GenAgent.Discord.Sessions.Safety;

/// <summary>What the safety policy looks at for one start: the prompt, where it was asked, and the user's and guild's recent use.</summary>
public sealed record SafetyCheck
{
    public required string Prompt { get; init; }
    /// <summary>Null in DMs.</summary>
    public GuildSettings? Guild { get; init; }
    public required string ChannelId { get; init; }
    public bool ChannelNsfw { get; init; }
    /// <summary>ADMINISTRATOR or MANAGE_GUILD: exempt from the channel list, the cooldown and the caps, never from the prompt rules.</summary>
    public bool IsAdmin { get; init; }
    public int RunningSessions { get; init; }
    public DateTimeOffset? LastStart { get; init; }
    public int GuildSessionsToday { get; init; }
    public required DateTimeOffset Now { get; init; }
}

namespace GenAgent.Discord.Sessions.Settings;

/// <summary>A guild's admin settings from <c>/settings server ...</c>.</summary>
public sealed record GuildSettings
{
    /// <summary>Channels where sessions may start; empty means every channel.</summary>
    public IReadOnlyList<string> AllowedChannels { get; init; } = [];

    public NsfwPolicy Nsfw { get; init; } = NsfwPolicy.AgeRestrictedOnly;

    /// <summary>Sessions one user may have running at once in this guild; null for the bot's default.</summary>
    public int? MaxConcurrentPerUser { get; init; }

    /// <summary>Seconds a user waits between two starts; 0 for none.</summary>
    public int CooldownSeconds { get; init; }

    /// <summary>Sessions the whole guild may start per UTC day; null for no quota.</summary>
    public int? DailyQuota { get; init; }

    /// <summary>Words and phrases refused in prompts (matched case-insensitively on word boundaries).</summary>
    public IReadOnlyList<string> Blocklist { get; init; } = [];
}

namespace GenAgent.Discord.Sessions.Settings;

/// <summary>Where the Discord front end keeps its state in the image store (all under <c>discord/</c>).</summary>
public static class SettingsKeys
{
    public static string User(string userId) => $"discord/users/{Safe(userId)}/settings.json";

    public static string Guild(string guildId) => $"discord/guilds/{Safe(guildId)}/settings.json";

    public static string UserSessions(string userId) => $"discord/users/{Safe(userId)}/sessions.json";

    public static string GuildUsage(string guildId, DateOnly day) => $"discord/guilds/{Safe(guildId)}/usage-{day:yyyyMMdd}.json";

    /// <summary>Snowflakes are digits; anything else must not become a path.</summary>
    private static string Safe(string id) =>
        id.Length is > 0 and <= 32 && id.All(char.IsAsciiDigit) ? id : throw new ArgumentException($"'{id}' is not a Discord id (a snowflake).", nameof(id));
}

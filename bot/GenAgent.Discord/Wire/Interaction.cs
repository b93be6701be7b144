using System.Text.Json.Serialization;

namespace GenAgent.Discord.Wire;

/// <summary>What Discord posts to the interactions endpoint (or sends as INTERACTION_CREATE).</summary>
public sealed record Interaction
{
    public string Id { get; init; } = "";
    public string ApplicationId { get; init; } = "";
    public InteractionType Type { get; init; }
    public InteractionData? Data { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }
    public DiscordChannel? Channel { get; init; }

    /// <summary>Set in a guild.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Set in a DM.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>Answers the interaction and drives its follow-ups for 15 minutes.</summary>
    public string Token { get; init; } = "";
    public int Version { get; init; }

    /// <summary>For a component interaction, the message the component is on.</summary>
    public DiscordMessage? Message { get; init; }

    /// <summary>The bot's permissions in the channel, a decimal bit set.</summary>
    public string? AppPermissions { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }

    /// <summary>The largest file a response may carry, in bytes; use it instead of a hard-coded limit.</summary>
    public long? AttachmentSizeLimit { get; init; }
    public InteractionContextType? Context { get; init; }

    /// <summary>
    /// Which installs authorised the interaction: key "0" (guild install) maps to the guild id, or "0" in the bot's DM;
    /// key "1" (user install) to the user id.
    /// </summary>
    public IReadOnlyDictionary<string, string>? AuthorizingIntegrationOwners { get; init; }

    /// <summary>
    /// Only the user's install authorised it (the app is not installed where it was used): Discord then allows 5
    /// follow-up messages per interaction, and the bot is not a member, so its token cannot post there.
    /// </summary>
    [JsonIgnore]
    public bool IsUserInstallOnly =>
        AuthorizingIntegrationOwners is { } owners && owners.ContainsKey("1") && !owners.ContainsKey("0");

    /// <summary>Whoever acted: the member's user in a guild, the user in a DM.</summary>
    [JsonIgnore]
    public DiscordUser? Invoker => Member?.User ?? User;

    /// <summary>
    /// Whether every id Discord fills in is a snowflake (digits) and the token is there: ids become storage keys and
    /// routes, so a body that only looks like an interaction is refused whole instead of failing deep inside. (JSON
    /// <c>null</c> reaches the non-nullable strings too, so each is checked for it.)
    /// </summary>
    [JsonIgnore]
    public bool HasWellFormedIds =>
        IsSnowflake(Id) && Token is not null && IsOptionalSnowflake(GuildId) && IsOptionalSnowflake(ChannelId)
        && IsOptionalSnowflake(Channel?.Id) && IsOptionalSnowflake(Invoker?.Id) && IsOptionalSnowflake(ApplicationId is { Length: > 0 } app ? app : null);

    private static bool IsSnowflake(string? id) => id is { Length: > 0 and <= 32 } && id.All(char.IsAsciiDigit);

    private static bool IsOptionalSnowflake(string? id) => id is null || IsSnowflake(id);
}

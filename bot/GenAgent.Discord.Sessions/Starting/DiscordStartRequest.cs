using GenAgent.Core.Sessions;

namespace GenAgent.Discord.Sessions.Starting;

/// <summary>
/// A request to start a session from Discord. Null preferences (<see cref="Effort"/>, <see cref="Private"/>,
/// <see cref="ThreadPreference"/>) fall back to the user's <c>/settings</c> defaults.
/// </summary>
public sealed record DiscordStartRequest
{
    public required string UserId { get; init; }
    public string? GuildId { get; init; }
    public required string ChannelId { get; init; }
    /// <summary>The channel is age-restricted (<c>channel.nsfw</c>); NSFW prompts are refused anywhere else.</summary>
    public bool ChannelNsfw { get; init; }
    public required string Prompt { get; init; }
    public Effort? Effort { get; init; }
    /// <summary>An aspect ratio by name (<see cref="GenAgent.Workflow.Starting.AspectRatios"/>); null for the server's size.</summary>
    public string? Aspect { get; init; }
    /// <summary>What the images should not show (generators that take a negative prompt).</summary>
    public string? NegativePrompt { get; init; }
    /// <summary>An image to start from (image-to-image), already downloaded within the size cap.</summary>
    public byte[]? InputImage { get; init; }
    public bool? Private { get; init; }
    public DiscordStartSource Source { get; init; } = DiscordStartSource.Slash;
    /// <summary>Set when the session answers through an interaction; null for gateway messages (the bot token posts).</summary>
    public InteractionReply? Interaction { get; init; }
    public bool? ThreadPreference { get; init; }
    /// <summary>The user may manage the guild (ADMINISTRATOR or MANAGE_GUILD): channel restrictions do not apply.</summary>
    public bool IsAdmin { get; init; }
    /// <summary>An explicit session id (a retried start finds the first one); null for a new id.</summary>
    public string? SessionId { get; init; }
}

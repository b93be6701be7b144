using System.Text.Json.Serialization;
namespace GenAgent.Discord.Wire;

public sealed record DiscordMessage
{
    public string Id { get; init; } = "";
    public string ChannelId { get; init; } = "";

    /// <summary>Set on gateway MESSAGE_CREATE in a guild; REST responses leave it out.</summary>
    public string? GuildId { get; init; }
    public string? Content { get; init; }
    public DiscordUser? Author { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public IReadOnlyList<DiscordUser>? Mentions { get; init; }
    public MessageReference? MessageReference { get; init; }

    /// <summary>The message replied to, when the gateway includes it.</summary>
    public DiscordMessage? ReferencedMessage { get; init; }
    public MessageFlags? Flags { get; init; }
    /// <summary>Discord documents the nonce as an integer or a string; both are read as text.</summary>
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Nonce { get; init; }
    public string? Timestamp { get; init; }

    /// <summary>Set for messages sent through a webhook, including interaction responses.</summary>
    public string? WebhookId { get; init; }
}

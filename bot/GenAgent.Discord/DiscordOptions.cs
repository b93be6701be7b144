namespace GenAgent.Discord;

/// <summary>
/// The Discord application this deployment speaks for, bound from the <c>Discord</c> section (environment
/// <c>Discord__PublicKey</c> and so on). <see cref="DiscordOptionsValidator"/> checks it at start.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The application's Ed25519 public key, 64 hex characters (Developer Portal, General Information).</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>The application id, a snowflake.</summary>
    public string ApplicationId { get; set; } = "";

    /// <summary>The bot token; sent as <c>Authorization: Bot &lt;token&gt;</c> on bot routes only.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The REST base, versioned. Tests point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>A gateway URL to use instead of the one <c>GET /gateway/bot</c> returns.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>
    /// Asks for the privileged MESSAGE_CONTENT intent (enable it in the Developer Portal first, or the gateway closes
    /// with 4014). Without it the bot still sees the content of DMs and of messages that mention it.
    /// </summary>
    public bool MessageContent { get; set; }

    /// <summary>The URL in the required <c>User-Agent: DiscordBot (url, version)</c>.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/genagent/genagent";

    public string UserAgentVersion { get; set; } = "1.0";

    /// <summary>How many times a request is retried after a 5xx, a transport error or a 429.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff after a 5xx; it doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest rate-limit wait honoured; a longer <c>retry_after</c> fails the call instead of stalling it.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Invalid responses (401, 403, and 429 other than <c>shared</c>-scope ones) allowed in any 10 minutes before this
    /// client stops sending until the window slides. Discord bans the IP for an hour at 10,000; the default keeps a
    /// fifth of that in reserve for other clients behind the same address.
    /// </summary>
    public int InvalidRequestLimit { get; set; } = 8_000;

    /// <summary>
    /// Hosts attachments may be downloaded from (besides the API host). Attachment URLs come from users' messages, so an
    /// unrestricted download would let anyone steer the bot at internal addresses.
    /// </summary>
    public IList<string> AttachmentHosts { get; } = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>The value of the User-Agent header Discord requires.</summary>
    public string UserAgent => $"DiscordBot ({UserAgentUrl}, {UserAgentVersion})";
}

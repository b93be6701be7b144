namespace GenAgent.Discord.Gateway;

/// <summary>The gateway's waits, Discord's values by default; tests shrink them.</summary>
internal sealed record GatewayTimings
{
    /// <summary>INVALID_SESSION (not resumable): wait a random time in this range before identifying again.</summary>
    public TimeSpan InvalidSessionMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first reconnect delay; doubles per failed attempt, with jitter, up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Between two IDENTIFYs of one rate-limit key.</summary>
    public TimeSpan IdentifySpacing { get; init; } = DiscordLimits.IdentifySpacing;

    /// <summary>How long to wait for HELLO after connecting.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

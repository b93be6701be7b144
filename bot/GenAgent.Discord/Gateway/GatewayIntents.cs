namespace GenAgent.Discord.Gateway;

/// <summary>The intents GenAgent asks for.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: enable it in the Developer Portal or the gateway closes with 4014.</summary>
    MessageContent = 1 << 15,
}

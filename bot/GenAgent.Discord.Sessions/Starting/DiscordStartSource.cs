namespace GenAgent.Discord.Sessions.Starting;

/// <summary>Where a Discord session was asked for.</summary>
public enum DiscordStartSource
{
    /// <summary>The <c>/imagine</c> command (or a button that starts a new session).</summary>
    Slash,

    /// <summary>A message that mentions the bot (gateway).</summary>
    Mention,

    /// <summary>A direct message to the bot (gateway).</summary>
    DirectMessage,
}

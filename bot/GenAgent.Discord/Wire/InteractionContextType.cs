namespace GenAgent.Discord.Wire;

/// <summary>Where a command may be used, and where an interaction came from.</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

namespace GenAgent.Discord.Wire;

[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
}

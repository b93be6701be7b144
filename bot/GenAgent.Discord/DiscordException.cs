namespace GenAgent.Discord;

/// <summary>The base of every failure this client reports, so callers can catch "Discord said no" in one place.</summary>
public class DiscordException : Exception
{
    public DiscordException()
    {
    }

    public DiscordException(string message)
        : base(message)
    {
    }

    public DiscordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

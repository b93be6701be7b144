namespace GenAgent.Bot.Hosting;

/// <summary>The worker cannot start with this configuration; the message names every key to fix.</summary>
public sealed class BotConfigurationException : Exception
{
    public BotConfigurationException()
    {
    }

    public BotConfigurationException(string message) : base(message)
    {
    }

    public BotConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

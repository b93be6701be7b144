namespace GenAgent.Discord.Gateway;

/// <summary>The gateway sent something this client cannot follow (no HELLO, a malformed frame); the connection is dropped and retried.</summary>
public sealed class GatewayProtocolException : DiscordException
{
    public GatewayProtocolException()
    {
    }

    public GatewayProtocolException(string message)
        : base(message)
    {
    }

    public GatewayProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

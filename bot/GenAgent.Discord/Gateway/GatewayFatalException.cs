namespace GenAgent.Discord.Gateway;

/// <summary>
/// Discord closed the gateway with a code that reconnecting cannot fix (4004 bad token, 4010-4014 shard or intent
/// errors): the configuration has to change.
/// </summary>
public sealed class GatewayFatalException : DiscordException
{
    public GatewayFatalException()
    {
    }

    public GatewayFatalException(string message)
        : base(message)
    {
    }

    public GatewayFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayFatalException(int closeCode, string message)
        : base(message)
    {
        CloseCode = closeCode;
    }

    public int? CloseCode { get; }
}

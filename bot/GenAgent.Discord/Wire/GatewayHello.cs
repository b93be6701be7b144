namespace GenAgent.Discord.Wire;

public sealed record GatewayHello
{
    /// <summary>Milliseconds.</summary>
    public int HeartbeatInterval { get; init; }
}

namespace GenAgent.Discord.Wire;

/// <summary><c>GET /gateway/bot</c>.</summary>
public sealed record GatewayBotInfo
{
    public string Url { get; init; } = "";
    public int Shards { get; init; } = 1;
    public SessionStartLimit? SessionStartLimit { get; init; }
}

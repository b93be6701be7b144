namespace GenAgent.Discord.Wire;

public sealed record GatewayIdentify
{
    public string Token { get; init; } = "";
    public int Intents { get; init; }
    public GatewayIdentifyProperties Properties { get; init; } = new();
    public IReadOnlyList<int>? Shard { get; init; }
}

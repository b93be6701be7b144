namespace GenAgent.Discord.Wire;

public sealed record GatewayReady
{
    public int V { get; init; }
    public DiscordUser User { get; init; } = new();
    public string SessionId { get; init; } = "";

    /// <summary>Where a RESUME must connect.</summary>
    public string ResumeGatewayUrl { get; init; } = "";
    public IReadOnlyList<int>? Shard { get; init; }
}

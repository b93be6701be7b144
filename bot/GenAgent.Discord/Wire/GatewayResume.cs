namespace GenAgent.Discord.Wire;

public sealed record GatewayResume
{
    public string Token { get; init; } = "";
    public string SessionId { get; init; } = "";
    public long? Seq { get; init; }
}

namespace GenAgent.Discord.Wire;

public sealed record GatewayIdentifyProperties
{
    public string Os { get; init; } = "linux";
    public string Browser { get; init; } = "genagent";
    public string Device { get; init; } = "genagent";
}

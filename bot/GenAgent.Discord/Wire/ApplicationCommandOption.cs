namespace GenAgent.Discord.Wire;

public sealed record ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool? Required { get; init; }
    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public bool? Autocomplete { get; init; }
    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }
}

using System.Text.Json;

namespace GenAgent.Discord.Wire;

/// <summary>A fixed choice of an option or an autocomplete suggestion: a name and a string or number value.</summary>
public sealed record ApplicationCommandChoice
{
    public string Name { get; init; } = "";
    public JsonElement Value { get; init; }

    public static ApplicationCommandChoice Of(string name, string value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String) };

    public static ApplicationCommandChoice Of(string name, long value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64) };
}

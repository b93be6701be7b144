using System.Text.Json;

namespace GenAgent.Discord.Wire;

public sealed record InteractionDataOption
{
    public string Name { get; init; } = "";
    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>A string, integer, number or boolean (an attachment option's value is the attachment id).</summary>
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>The option the user is typing in, in an autocomplete interaction.</summary>
    public bool? Focused { get; init; }

    /// <summary>The value as text; null for a string that is not valid UTF-8 (Discord never sends one).</summary>
    public string? AsString()
    {
        try
        {
            return Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : Value?.ToString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public long? AsInt64() => Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;

    public double? AsDouble() => Value is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    public bool? AsBoolean() => Value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

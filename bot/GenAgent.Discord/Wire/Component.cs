using System.Text.Json.Serialization;

namespace GenAgent.Discord.Wire;

/// <summary>
/// A message or modal component: action rows hold buttons; a modal holds labels, each wrapping one text input. One
/// record for every kind, as on the wire; the factories build the valid shapes.
/// </summary>
public sealed record Component
{
    public ComponentType Type { get; init; }

    /// <summary><see cref="ButtonStyle"/> for buttons, <see cref="TextInputStyle"/> for text inputs.</summary>
    public int? Style { get; init; }

    /// <summary>A button's text; on a Label, its heading.</summary>
    public string? Label { get; init; }

    /// <summary>A Label's help text.</summary>
    public string? Description { get; init; }
    public string? CustomId { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }

    /// <summary>An action row's children.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>A Label's one child (<c>component</c> on the wire).</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }

    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Required { get; init; }
    public string? Placeholder { get; init; }

    /// <summary>A text input's prefilled value; in a modal submit, what the user typed.</summary>
    public string? Value { get; init; }

    /// <summary>A select menu's chosen values, in a component interaction.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    public static Component ActionRow(params IReadOnlyList<Component> children) =>
        new() { Type = ComponentType.ActionRow, Components = children };

    public static Component Button(ButtonStyle style, string label, string customId, bool disabled = false) =>
        new() { Type = ComponentType.Button, Style = (int)style, Label = label, CustomId = customId, Disabled = disabled ? true : null };

    public static Component LinkButton(string label, string url) =>
        new() { Type = ComponentType.Button, Style = (int)ButtonStyle.Link, Label = label, Url = url };

    public static Component TextInput(
        string customId, TextInputStyle style, bool required = true, string? value = null, string? placeholder = null, int? minLength = null, int? maxLength = null) =>
        new()
        {
            Type = ComponentType.TextInput,
            CustomId = customId,
            Style = (int)style,
            Required = required,
            Value = value,
            Placeholder = placeholder,
            MinLength = minLength,
            MaxLength = maxLength,
        };

    public static Component LabelFor(string label, Component child, string? description = null) =>
        new() { Type = ComponentType.Label, Label = label, Description = description, Child = child };
}

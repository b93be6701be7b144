namespace GenAgent.Discord.Wire;

/// <summary>The command, component or modal data of an interaction.</summary>
public sealed record InteractionData
{
    /// <summary>The command id (commands).</summary>
    public string? Id { get; init; }

    /// <summary>The command name (commands).</summary>
    public string? Name { get; init; }
    public int? Type { get; init; }
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }
    public ResolvedData? Resolved { get; init; }

    /// <summary>The component's or modal's custom_id.</summary>
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }

    /// <summary>A select menu's chosen values.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A modal submit's components: labels (or legacy action rows) holding text inputs with their values.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The option named <paramref name="name"/> at the top level, or null.</summary>
    public InteractionDataOption? Option(string name) => Options?.FirstOrDefault(o => o.Name == name);

    /// <summary>The value a modal's text input with this custom_id was submitted with, wherever it is nested.</summary>
    public string? TextInputValue(string customId) => Find(Components, customId)?.Value;

    private static Component? Find(IReadOnlyList<Component>? components, string customId)
    {
        foreach (var component in components ?? [])
        {
            if (component.Type == Wire.ComponentType.TextInput && component.CustomId == customId)
            {
                return component;
            }

            var nested = component.Child is { } child ? Find([child], customId) : Find(component.Components, customId);
            if (nested is not null)
            {
                return nested;
            }
        }

        return null;
    }
}

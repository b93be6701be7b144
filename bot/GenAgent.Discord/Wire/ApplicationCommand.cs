namespace GenAgent.Discord.Wire;

/// <summary>A slash command as registered (<c>PUT /applications/{app}/commands</c>).</summary>
public sealed record ApplicationCommand
{
    /// <summary>Set by Discord.</summary>
    public string? Id { get; init; }
    public string? ApplicationId { get; init; }
    public string? GuildId { get; init; }

    /// <summary>1 chat input (slash), 2 user, 3 message.</summary>
    public int? Type { get; init; } = 1;

    /// <summary>1-32 lowercase characters.</summary>
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>Required options first.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>A permission bit set as a decimal string; "0" hides the command from everyone but admins.</summary>
    public string? DefaultMemberPermissions { get; init; }
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }
    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }
    public bool? Nsfw { get; init; }
    public string? Version { get; init; }
}

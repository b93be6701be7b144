namespace GenAgent.Discord.Wire;

/// <summary>Which mentions in the content ping. Echoed prompts are user text, so the bot should usually ping nobody.</summary>
public sealed record AllowedMentions
{
    /// <summary>"users", "roles", "everyone"; empty parses none.</summary>
    public IReadOnlyList<string>? Parse { get; init; }
    public IReadOnlyList<string>? Users { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }
    public bool? RepliedUser { get; init; }

    public static AllowedMentions None { get; } = new() { Parse = [] };
}

using System.Text.Json.Serialization;

namespace GenAgent.Discord.Wire;

public sealed record DiscordUser
{
    public string Id { get; init; } = "";
    public string Username { get; init; } = "";
    public string? GlobalName { get; init; }
    public bool? Bot { get; init; }

    /// <summary>The name people see: the global display name when set.</summary>
    [JsonIgnore]
    public string DisplayName => GlobalName ?? Username;
}

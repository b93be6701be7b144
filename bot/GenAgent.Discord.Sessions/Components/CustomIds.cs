using System.Diagnostics.CodeAnalysis;

namespace GenAgent.Discord.Sessions.Components;

/// <summary>
/// The self-describing custom_id of every button and modal: <c>v1:&lt;action&gt;:&lt;sessionId&gt;</c>. Everything a click
/// needs is in the id plus the durable store and session, so any instance can handle any click at any later time.
/// A new layout gets a new version prefix; old buttons then answer "from an older version" instead of misbehaving.
/// </summary>
public static class CustomIds
{
    public const string Version = "v1";

    /// <summary>The custom_id of the text input inside the Refine and Edit modals.</summary>
    public const string TextInput = "text";

    private static readonly (ButtonAction Action, string Name)[] Names =
    [
        (ButtonAction.AnotherRound, "again"),
        (ButtonAction.Refine, "refine"),
        (ButtonAction.Variations, "vary"),
        (ButtonAction.Edit, "edit"),
        (ButtonAction.Stop, "stop"),
        (ButtonAction.Delete, "delete"),
    ];

    public static string Format(ButtonAction action, string sessionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        var id = $"{Version}:{NameOf(action)}:{sessionId}";
        if (id.Length > DiscordLimits.CustomIdLength)
            throw new ArgumentException($"The custom_id '{id}' is longer than Discord's {DiscordLimits.CustomIdLength} characters.", nameof(sessionId));
        return id;
    }

    /// <summary>Reads a custom_id; never throws on what a client sends.</summary>
    public static CustomIdParse TryParse(string? customId, out ButtonAction action, [NotNullWhen(true)] out string? sessionId)
    {
        action = default;
        sessionId = null;
        if (string.IsNullOrEmpty(customId) || customId.Length > DiscordLimits.CustomIdLength) return CustomIdParse.Malformed;
        var parts = customId.Split(':');
        if (parts.Length != 3 || parts[0].Length < 2 || parts[0][0] != 'v') return CustomIdParse.Malformed;
        if (parts[0] != Version) return CustomIdParse.Outdated;
        var known = Array.FindIndex(Names, n => n.Name == parts[1]);
        if (known < 0) return CustomIdParse.Outdated;
        if (!IsSessionId(parts[2])) return CustomIdParse.Malformed;
        action = Names[known].Action;
        sessionId = parts[2];
        return CustomIdParse.Ok;
    }

    /// <summary>Session ids become store paths and instance ids, so anything outside this alphabet is refused.</summary>
    public static bool IsSessionId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string NameOf(ButtonAction action)
    {
        foreach (var (known, name) in Names)
        {
            if (known == action) return name;
        }
        throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown button action.");
    }
}

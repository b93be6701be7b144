using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>Reads the permission bit set Discord sends with a guild member (a decimal string).</summary>
public static class MemberPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ManageMessages = 1UL << 13;

    public static ulong Of(Interaction interaction) =>
        interaction?.Member?.Permissions is { } text && ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
            ? bits
            : 0;

    /// <summary>May change the guild's GenAgent settings: ADMINISTRATOR or MANAGE_GUILD.</summary>
    public static bool IsGuildAdmin(Interaction interaction) => (Of(interaction) & (Administrator | ManageGuild)) != 0;

    /// <summary>May delete or stop anyone's session output: ADMINISTRATOR or MANAGE_MESSAGES.</summary>
    public static bool IsModerator(Interaction interaction) => (Of(interaction) & (Administrator | ManageMessages)) != 0;
}

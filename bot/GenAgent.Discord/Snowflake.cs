namespace GenAgent.Discord;

/// <summary>Discord ids are unsigned 64-bit integers sent as strings.</summary>
public static class Snowflake
{
    /// <summary>Whether <paramref name="value"/> looks like a snowflake; ids go into URL paths, so nothing else may.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 20 && value.All(char.IsAsciiDigit) && ulong.TryParse(value, out _);
}

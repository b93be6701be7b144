namespace GenAgent.Discord.Sessions.Posting;

/// <summary>Cuts model text to Discord's limits at a word boundary where one is near, marking the cut.</summary>
internal static class TextTrim
{
    public static string To(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var clean = text.Trim();
        if (clean.Length <= max) return clean;
        var cut = clean.LastIndexOf(' ', max - 1, Math.Min(max - 1, 40));
        var end = cut > 0 ? cut : max - 1;
        return string.Concat(clean.AsSpan(0, end).TrimEnd(), "…");
    }

    /// <summary>Cuts at exactly <paramref name="max"/> characters, marking the cut (stored prompts, status lines).</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>One line: newlines become spaces (thread names and titles).</summary>
    public static string Line(string? text, int max) => To(text?.ReplaceLineEndings(" "), max);
}

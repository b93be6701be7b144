namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>The follow-up messages the buttons send to the agent.</summary>
public static class SessionInstructions
{
    public const string AnotherRound =
        "Another round, please: look at your last image again, find what still differs from the request, and make a better image.";

    public static string Refine(string text) => text.Trim();

    public static string Edit(string text) => $"Edit the last image (keep everything else as it is): {text.Trim()}";

    /// <summary>The prompt of a continuation session: the original request plus what the user asked for after it.</summary>
    public static string Continuation(string prompt, string instruction) =>
        instruction == AnotherRound ? prompt : $"{prompt}\n\nThen: {instruction}";
}

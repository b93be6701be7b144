namespace GenAgent.Discord.Sessions.Links;

/// <summary>Where Discord links live in the image store, beside the sessions they describe.</summary>
public static class DiscordLinkKeys
{
    public static string Session(string sessionId) => $"discord/sessions/{Checked(sessionId)}.json";

    public static string Origin(string sessionId) => $"discord/origins/{Checked(sessionId)}.json";

    public static string Thread(string threadId) => $"discord/threads/{Checked(threadId)}.json";

    // Ids come from Discord and from our own session ids; neither may steer a key out of its folder.
    private static string Checked(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Contains('/', StringComparison.Ordinal) || id.Contains('\\', StringComparison.Ordinal) || id.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"'{id}' is not a usable id.", nameof(id));
        return id;
    }
}

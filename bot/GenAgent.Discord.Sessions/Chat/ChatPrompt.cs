namespace GenAgent.Discord.Sessions.Chat;

/// <summary>The prompt in a chat message: the text without the mentions of the bot.</summary>
public static class ChatPrompt
{
    public static string From(string? content, string? botId)
    {
        if (string.IsNullOrWhiteSpace(content)) return "";
        var text = content;
        if (!string.IsNullOrEmpty(botId))
        {
            // Discord writes a user mention as <@id>, older clients as <@!id>.
            text = text.Replace($"<@{botId}>", " ", StringComparison.Ordinal).Replace($"<@!{botId}>", " ", StringComparison.Ordinal);
        }
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}

using GenAgent.Discord.Sessions.Posting;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>Ephemeral answers, trimmed to Discord's content limit.</summary>
internal static class InteractionReplies
{
    public static InteractionResponse Ephemeral(string text) =>
        InteractionResponse.Ephemeral(TextTrim.Cut(text, DiscordLimits.MessageContentLength));

    public static InteractionResponse Outdated() =>
        Ephemeral("This button is from an older version of GenAgent and no longer works. Start again with /imagine.");
}

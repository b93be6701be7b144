using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Links;

namespace GenAgent.Discord.Sessions.Posting;

public sealed partial class DiscordProgressObserver
{
    /// <summary>
    /// Starts the session's thread from the "thinking" message (a thread already there, 160004, is the one: its id is the
    /// message's), or a standalone thread when that message is unknown. A channel that refuses threads (no permission, a
    /// thread itself) turns thread mode off for the session instead of failing it. Saves the link and the thread's entry.
    /// </summary>
    private async Task<DiscordSessionLink> EnsureThreadAsync(DiscordSessionLink link, CancellationToken cancellationToken)
    {
        var messageId = link.OriginalMessageId;
        if (messageId is null && TokenLive(link))
        {
            try
            {
                var original = await rest.GetOriginalResponseAsync(link.ApplicationId, link.InteractionToken!, cancellationToken).ConfigureAwait(false);
                messageId = original.Id;
                link = link with { OriginalMessageId = messageId };
            }
            catch (DiscordApiException expired) when (expired.IsExpiredInteractionToken)
            {
                link = await ExpireTokenAsync(link, cancellationToken).ConfigureAwait(false);
            }
        }

        var name = ProgressMessages.ThreadName(link.Prompt);
        string threadId;
        try
        {
            threadId = messageId is null
                ? (await rest.StartThreadAsync(link.ChannelId, name, ThreadArchiveMinutes, cancellationToken).ConfigureAwait(false)).Id
                : await StartFromMessageAsync(link.ChannelId, messageId, name, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException refused) when (refused.HttpStatus is 400 or 403 or 404)
        {
            logger.ThreadFailed(refused, link.SessionId, refused.HttpStatus, refused.Code);
            link = link with { UseThread = false };
            await links.SaveAsync(link, cancellationToken).ConfigureAwait(false);
            return link;
        }

        link = link with { ThreadId = threadId };
        await links.LinkThreadAsync(threadId, link.SessionId, cancellationToken).ConfigureAwait(false);
        await links.SaveAsync(link, cancellationToken).ConfigureAwait(false);
        logger.ThreadStarted(link.SessionId, threadId);
        return link;
    }

    private async Task<string> StartFromMessageAsync(string channelId, string messageId, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await rest.StartThreadFromMessageAsync(channelId, messageId, name, ThreadArchiveMinutes, cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (DiscordApiException exists) when (exists.Code == DiscordErrorCodes.ThreadAlreadyCreated)
        {
            return messageId;
        }
    }
}

using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Posting;

public sealed partial class DiscordProgressObserver
{
    /// <summary>A created message: the link as it stands after sending (the token may have expired on the way) and where it went.</summary>
    private sealed record Sent(DiscordSessionLink Link, string MessageId, string? ChannelId);

    private static IReadOnlyList<FileAttachment>? Files(FittedImage? image) =>
        image is null ? null : [new FileAttachment(image.FileName, image.Content, image.ContentType)];

    private static IReadOnlyList<AttachmentReference> Attachments(FittedImage? image) =>
        image is null ? [] : [new AttachmentReference { Id = "0", Filename = image.FileName }];

    private static FittedImage? Fit(DiscordSessionLink link, byte[]? image, string baseName) =>
        image is null ? null : ImageFitter.Fit(image, baseName, Limit(link));

    /// <summary>Discord found <paramref name="rejected"/> too large: the image again, in half the bytes.</summary>
    private FittedImage Smaller(string sessionId, byte[] image, string baseName, FittedImage rejected)
    {
        logger.ImageRejected(sessionId, rejected.Content.Length);
        return ImageFitter.Fit(image, baseName, Math.Max(1, rejected.Content.Length / 2));
    }

    /// <summary>
    /// Sends a new message to wherever <see cref="TargetFor"/> points. Falls back to the bot token when Discord says the
    /// interaction token expired, and shrinks the image once more when Discord finds it too large.
    /// </summary>
    private async Task<Sent?> CreateAsync(
        DiscordSessionLink link, Func<FittedImage?, MessageCreate> build, byte[]? image, string baseName, string nonce, CancellationToken cancellationToken)
    {
        var fitted = Fit(link, image, baseName);
        var shrunk = false;
        while (true)
        {
            var target = TargetFor(link);
            if (target is null) return null;
            var message = build(fitted) with
            {
                Attachments = Attachments(fitted),
                Flags = target.Ephemeral ? MessageFlags.Ephemeral : null,
                AllowedMentions = AllowedMentions.None,
            };
            try
            {
                if (target.IsFollowUp && link.FollowUpsLimited)
                {
                    // Follow-ups are rationed here: the post replaces what the "thinking" message shows.
                    var shown = await rest.EditOriginalResponseAsync(
                        link.ApplicationId, link.InteractionToken!, AsEdit(message), Files(fitted), cancellationToken).ConfigureAwait(false);
                    return new Sent(link, shown.Id, null);
                }

                if (target.IsFollowUp)
                {
                    var followUp = await rest.CreateFollowupAsync(link.ApplicationId, link.InteractionToken!, message, Files(fitted), cancellationToken).ConfigureAwait(false);
                    return new Sent(link, followUp.Id, null);
                }
                message = message with
                {
                    Nonce = nonce,
                    EnforceNonce = true,
                    MessageReference = target.ReplyTo is null ? null : new MessageReference { MessageId = target.ReplyTo, FailIfNotExists = false },
                };
                var posted = await rest.CreateMessageAsync(target.ChannelId!, message, Files(fitted), cancellationToken).ConfigureAwait(false);
                return new Sent(link, posted.Id, target.ChannelId);
            }
            catch (DiscordApiException tooLarge) when (tooLarge.IsTooLarge && fitted is not null && image is not null && !shrunk)
            {
                shrunk = true;
                fitted = Smaller(link.SessionId, image, baseName, fitted);
            }
            catch (DiscordApiException expired) when (expired.IsExpiredInteractionToken && target.IsFollowUp)
            {
                link = await ExpireTokenAsync(link, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException rationed) when (rationed.Code == DiscordErrorCodes.MaxFollowUps && target.IsFollowUp && !link.FollowUpsLimited)
            {
                // Discord says this interaction has had its 5 follow-ups: from now on show posts on the "thinking" message.
                logger.FollowUpsRationed(link.SessionId);
                link = link with { FollowUpsLimited = true };
                await links.SaveAsync(link, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static MessageEdit AsEdit(MessageCreate message) => new()
    {
        Content = message.Content ?? "",
        Embeds = message.Embeds ?? [],
        Components = message.Components ?? [],
        Attachments = message.Attachments,
        AllowedMentions = message.AllowedMentions,
    };

    /// <summary>
    /// Edits a message posted earlier (a repeated update). A follow-up whose token expired, or a message someone deleted,
    /// is left alone: the post exists or was removed on purpose, and posting it again would duplicate it.
    /// </summary>
    private async Task<bool> EditAsync(
        DiscordSessionLink link, string messageId, string? channelId, Func<FittedImage?, MessageEdit> build, byte[]? image, string baseName, CancellationToken cancellationToken)
    {
        var fitted = Fit(link, image, baseName);
        var shrunk = false;
        while (true)
        {
            var edit = build(fitted) with { Attachments = Attachments(fitted), AllowedMentions = AllowedMentions.None };
            try
            {
                if (channelId is not null)
                {
                    await rest.EditMessageAsync(channelId, messageId, edit, Files(fitted), cancellationToken).ConfigureAwait(false);
                    return true;
                }
                if (!TokenLive(link)) return false;
                await rest.EditFollowupAsync(link.ApplicationId, link.InteractionToken!, messageId, edit, Files(fitted), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DiscordApiException tooLarge) when (tooLarge.IsTooLarge && fitted is not null && image is not null && !shrunk)
            {
                shrunk = true;
                fitted = Smaller(link.SessionId, image, baseName, fitted);
            }
            catch (DiscordApiException gone) when (gone.IsUnknownMessage || gone.IsExpiredInteractionToken || gone.HttpStatus is 403 or 404)
            {
                logger.EditFailed(gone, link.SessionId, messageId, gone.HttpStatus, gone.Code);
                return false;
            }
        }
    }

    /// <summary>
    /// Edits the "thinking" message: on the token while it lives, else with the bot token when its id is known (a chat
    /// reply is the bot's own message). Advisory: the posts themselves already went out, so a refusal is only logged.
    /// </summary>
    private async Task<DiscordSessionLink> EditOriginalAsync(
        DiscordSessionLink link, Func<FittedImage?, MessageEdit> build, byte[]? image, string baseName, CancellationToken cancellationToken)
    {
        if (TokenLive(link))
        {
            var fitted = Fit(link, image, baseName);
            var edit = build(fitted) with { Attachments = Attachments(fitted), AllowedMentions = AllowedMentions.None };
            try
            {
                await rest.EditOriginalResponseAsync(link.ApplicationId, link.InteractionToken!, edit, Files(fitted), cancellationToken).ConfigureAwait(false);
                return link;
            }
            catch (DiscordApiException expired) when (expired.IsExpiredInteractionToken)
            {
                link = await ExpireTokenAsync(link, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException dismissed) when (dismissed.IsUnknownMessage)
            {
                // The user dismissed the "thinking" message: nothing to edit, and the token still posts the rounds.
                logger.EditFailed(dismissed, link.SessionId, "@original", dismissed.HttpStatus, dismissed.Code);
                return link;
            }
        }
        if (link.OriginalMessageId is { } original && !link.Private)
            await EditAsync(link, original, link.ChannelId, build, image, baseName, cancellationToken).ConfigureAwait(false);
        return link;
    }
}

using GenAgent.Discord.Gateway;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Sessions.Safety;
using GenAgent.Discord.Sessions.Posting;
using GenAgent.Discord.Sessions.Starting;
using GenAgent.Discord.Wire;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.Logging;

namespace GenAgent.Discord.Sessions.Chat;

/// <summary>
/// GenAgent as a chat partner on the gateway: a message that mentions the bot in a guild, or any DM, starts a session
/// (its image attachment, if any, is the starting image); a message in a session's thread continues that session.
/// Bots are ignored, the bot itself included. The posts go out with the bot token through <see cref="DiscordProgressObserver"/>.
/// </summary>
public sealed class DiscordChatHandler(
    DiscordSessionStarter starter,
    ISessionEngine engine,
    IDiscordSessionLinks links,
    ChatOrigins origins,
    Func<DiscordRestClient> restFactory,
    ILogger<DiscordChatHandler> logger) : IGatewayDispatchHandler
{
    /// <summary>The largest attachment downloaded as a starting image.</summary>
    public const long MaxInputImageBytes = DiscordLimits.DefaultAttachmentBytes;

    // A fresh typed client per use: this handler lives as long as the gateway, longer than a pooled handler should.
    private DiscordRestClient rest => restFactory();

    // Who the bot is comes from READY on every (re)identify; it is identity, not session state.
    private volatile DiscordUser? _bot;

    /// <summary>The bot's user once READY arrived; null before.</summary>
    internal DiscordUser? BotUser => _bot;

    public Task OnReadyAsync(DiscordUser botUser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(botUser);
        _bot = botUser;
        logger.Ready(botUser.Id);
        return Task.CompletedTask;
    }

    public async Task OnMessageCreateAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bot = _bot;
        if (message.Author is not { } author || author.Bot == true || author.Id == bot?.Id) return;
        if (message.WebhookId is not null) return;

        if (message.GuildId is not null
            && await links.FindSessionByThreadAsync(message.ChannelId, cancellationToken).ConfigureAwait(false) is { } sessionId)
        {
            await ContinueAsync(message, sessionId, bot?.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        var direct = message.GuildId is null;
        var mentioned = bot is not null && message.Mentions?.Any(u => u.Id == bot.Id) == true;
        if (!direct && !mentioned) return;
        await StartAsync(message, author, direct, bot?.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task ContinueAsync(DiscordMessage message, string sessionId, string? botId, CancellationToken cancellationToken)
    {
        var text = ChatPrompt.From(message.Content, botId);
        if (text.Length == 0)
        {
            logger.EmptyReply(message.Id, message.ChannelId);
            return;
        }
        var snapshot = await engine.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null || snapshot.IsTerminal)
        {
            await ReplyAsync(message, "This session has ended; mention me with a prompt to start a new one.", cancellationToken).ConfigureAwait(false);
            return;
        }
        await engine.SendFollowUpAsync(sessionId, text, cancellationToken).ConfigureAwait(false);
        logger.FollowUpSent(message.Id, message.ChannelId, sessionId);
    }

    private async Task StartAsync(DiscordMessage message, DiscordUser author, bool direct, string? botId, CancellationToken cancellationToken)
    {
        var prompt = ChatPrompt.From(message.Content, botId);
        var attachment = message.Attachments?.FirstOrDefault(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true);
        if (prompt.Length == 0)
        {
            await ReplyAsync(message, "Tell me what to draw: mention me with a prompt, e.g. `@GenAgent two red clocks and a blue bus`.", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        byte[]? input = null;
        if (attachment is not null)
        {
            try
            {
                input = await rest.DownloadAttachmentAsync(attachment.Url, MaxInputImageBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (AttachmentDownloadException unusable)
            {
                logger.ChatRefused(message.Id, author.Id, unusable.Message);
                await ReplyAsync(message, $"I cannot use that image: {unusable.Message}", cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var channel = direct ? null : await ChannelAsync(message.ChannelId, cancellationToken).ConfigureAwait(false);
        // The session id comes from the message, so a redelivered MESSAGE_CREATE finds the session it already started
        // and is answered by nothing (no second "Working on" reply, no second record).
        var sessionId = $"chat-{message.Id}";
        if (await starter.ExistsAsync(sessionId, cancellationToken).ConfigureAwait(false)) return;
        var reply = await ReplyAsync(message, TextTrim.To($"Working on **{TextTrim.Line(prompt, 300)}**…", DiscordLimits.MessageContentLength), cancellationToken)
            .ConfigureAwait(false);
        await origins.SaveAsync(new ChatOrigin(sessionId, message.ChannelId, message.Id, reply.Id), cancellationToken).ConfigureAwait(false);

        var result = await starter.StartAsync(new DiscordStartRequest
        {
            UserId = author.Id,
            GuildId = message.GuildId,
            ChannelId = message.ChannelId,
            ChannelNsfw = await AgeRestriction.IsAgeRestrictedAsync(channel, rest, cancellationToken).ConfigureAwait(false),
            Prompt = prompt,
            InputImage = input,
            Source = direct ? DiscordStartSource.DirectMessage : DiscordStartSource.Mention,
            // A thread cannot hold a thread: a mention inside one answers in place.
            ThreadPreference = channel?.IsThread == true ? false : null,
            Private = false,
            SessionId = sessionId,
        }, cancellationToken).ConfigureAwait(false);

        if (result.Started)
        {
            logger.ChatStarted(message.Id, author.Id, result.SessionId);
            return;
        }
        logger.ChatRefused(message.Id, author.Id, result.Refusal);
        await rest.EditMessageAsync(message.ChannelId, reply.Id,
            new MessageEdit { Content = TextTrim.To(result.Refusal, DiscordLimits.MessageContentLength), AllowedMentions = AllowedMentions.None },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<DiscordChannel?> ChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        try
        {
            return await rest.GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException unknown) when (unknown.HttpStatus is 403 or 404)
        {
            logger.ChannelUnknown(unknown, channelId, unknown.HttpStatus, unknown.Code);
            return null;
        }
    }

    /// <summary>A reply to the user's message that pings nobody; the nonce makes a redelivered event reply once.</summary>
    private Task<DiscordMessage> ReplyAsync(DiscordMessage message, string text, CancellationToken cancellationToken) =>
        rest.CreateMessageAsync(message.ChannelId, new MessageCreate
        {
            Content = text,
            MessageReference = new MessageReference { MessageId = message.Id, FailIfNotExists = false },
            AllowedMentions = AllowedMentions.None,
            Nonce = ProgressMessages.Nonce(message.Id, "reply", 0),
            EnforceNonce = true,
        }, cancellationToken: cancellationToken);
}

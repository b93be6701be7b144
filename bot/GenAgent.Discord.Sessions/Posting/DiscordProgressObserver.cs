using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Workflow.Progress;
using Microsoft.Extensions.Logging;

namespace GenAgent.Discord.Sessions.Posting;

/// <summary>
/// Posts a Discord session's progress: one compact embed with its image per round, then the final image with the
/// session buttons. Runs inside the durable PublishProgress / Finalize activities, which a replay may repeat, so every
/// post is recorded in the <see cref="DiscordSessionLink"/> before returning and a repeated update edits what it finds
/// there; creates in channels carry a nonce (session, kind, number) with enforce_nonce against a crash between send and save.
/// </summary>
public sealed partial class DiscordProgressObserver(
    IDiscordSessionLinks links,
    ChatOrigins origins,
    DiscordRestClient rest,
    IImageStore store,
    TimeProvider clock,
    ILogger<DiscordProgressObserver> logger,
    ReportLinks? reports = null) : ISessionObserver
{
    /// <summary>A token this close to its 15 minutes is treated as expired: a long upload must not outlive it.</summary>
    public static readonly TimeSpan TokenMargin = TimeSpan.FromMinutes(1);

    /// <summary>Threads archive after a day without messages.</summary>
    public const int ThreadArchiveMinutes = 1440;

    public async Task OnProgressAsync(string sessionId, SessionProgress progress, Trajectory trajectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(trajectory);
        var link = await links.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (link is null) return;
        link = await WithOriginAsync(link, cancellationToken).ConfigureAwait(false);

        if (trajectory.Outcome is not null)
        {
            await PostFinalAsync(link, progress.Episode, trajectory, cancellationToken).ConfigureAwait(false);
            return;
        }
        // The tournament (episode 1) shows its candidates; a follow-up on the winner posts rounds like any session.
        if (trajectory.Candidates is { Count: > 0 } candidates && progress.Episode == 1)
        {
            await PostCandidatesAsync(link, candidates, cancellationToken).ConfigureAwait(false);
            return;
        }
        var turn = trajectory.Turns.LastOrDefault(t => t.Index == progress.Turn && t.Image is not null);
        if (turn is null)
        {
            logger.NothingToPost(sessionId, progress.Turn);
            return;
        }
        var round = trajectory.Turns.Count(t => t.Episode == turn.Episode && t.Image is not null && t.Index <= turn.Index);
        await PostRoundAsync(link, turn, round, trajectory.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A chat session's origin (written by the chat worker before the start) fills in what its link lacks.</summary>
    private async Task<DiscordSessionLink> WithOriginAsync(DiscordSessionLink link, CancellationToken cancellationToken)
    {
        if (link.InteractionToken is not null || link.SourceMessageId is not null) return link;
        var origin = await origins.GetAsync(link.SessionId, cancellationToken).ConfigureAwait(false);
        if (origin is null) return link;
        return link with { SourceMessageId = origin.SourceMessageId, OriginalMessageId = link.OriginalMessageId ?? origin.ReplyMessageId };
    }

    private bool TokenLive(DiscordSessionLink link) =>
        link.InteractionToken is not null
        && clock.GetUtcNow() - link.TokenIssuedAt < DiscordLimits.InteractionTokenLifetime - TokenMargin;

    /// <summary>Rounds get a thread of their own in guilds, unless the user turned threads off or the session is private.</summary>
    private static bool InThread(DiscordSessionLink link) => link.UseThread && !link.Private && link.GuildId is not null;

    private static long Limit(DiscordSessionLink link) =>
        link.AttachmentSizeLimit > 0 ? link.AttachmentSizeLimit : DiscordLimits.DefaultAttachmentBytes;

    /// <summary>
    /// Where the next post goes; null when it cannot go anywhere (a private session after its token expired: posting in
    /// the channel would show the user's images to everyone).
    /// </summary>
    private PostTarget? TargetFor(DiscordSessionLink link)
    {
        if (InThread(link) && link.ThreadId is not null) return PostTarget.Channel(link.ThreadId);
        if (TokenLive(link)) return PostTarget.FollowUp(link.Private);
        if (link.Private)
        {
            logger.PrivateExpired(link.SessionId);
            return null;
        }
        if (link.FollowUpsLimited)
        {
            // Only the user's install reached this channel: the bot is no member and cannot post there.
            logger.NoBotInChannel(link.SessionId);
            return null;
        }
        return PostTarget.Channel(link.ThreadId ?? link.ChannelId, link.ThreadId is null ? link.SourceMessageId : null);
    }

    private async Task<byte[]?> ImageAsync(string sessionId, ImageRef? image, CancellationToken cancellationToken)
    {
        if (image is null) return null;
        var bytes = await store.TryGetAsync(image.Key, cancellationToken).ConfigureAwait(false);
        if (bytes is null) logger.ImageMissing(sessionId, image.Key);
        return bytes;
    }

    /// <summary>Stops posting on the token for good: later updates go straight to the bot token.</summary>
    private async Task<DiscordSessionLink> ExpireTokenAsync(DiscordSessionLink link, CancellationToken cancellationToken)
    {
        logger.TokenExpired(link.SessionId);
        var expired = link with { InteractionToken = null };
        await links.SaveAsync(expired, cancellationToken).ConfigureAwait(false);
        return expired;
    }
}

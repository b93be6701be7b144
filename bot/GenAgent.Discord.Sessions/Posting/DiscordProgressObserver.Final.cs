using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Posting;

public sealed partial class DiscordProgressObserver
{
    /// <summary>
    /// The end of an episode: the final image with the session buttons where the rounds went (edited when this episode's
    /// final was posted already), then the "thinking" message: in thread mode it shows the result too (the channel sees
    /// it without opening the thread), otherwise it becomes a one-line summary.
    /// </summary>
    private async Task PostFinalAsync(DiscordSessionLink link, int episode, Trajectory trajectory, CancellationToken cancellationToken)
    {
        var image = await ImageAsync(link.SessionId, trajectory.FinalImage, cancellationToken).ConfigureAwait(false);
        var buttons = SessionButtons.For(link.SessionId, reports?.For(link.SessionId));
        var baseName = episode > 1 ? $"final-{episode}" : "final";
        Embed Embed(FittedImage? fitted) => ProgressMessages.Final(trajectory, episode, fitted?.FileName);

        if (link.FinalMessages.TryGetValue(episode, out var existing))
        {
            link.FinalChannels.TryGetValue(episode, out var channelId);
            await EditAsync(link, existing, channelId, f => new MessageEdit { Embeds = [Embed(f)], Components = buttons }, image, baseName, cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            var sent = await CreateAsync(
                link, f => new MessageCreate { Embeds = [Embed(f)], Components = buttons }, image, baseName,
                ProgressMessages.Nonce(link.SessionId, "final", episode), cancellationToken).ConfigureAwait(false);
            if (sent is null) return;
            link = sent.Link.WithFinal(episode, sent.MessageId, sent.ChannelId);
            await links.SaveAsync(link, cancellationToken).ConfigureAwait(false);
            logger.FinalPosted(link.SessionId, episode, sent.MessageId);
        }

        // Shown on the "thinking" message already (follow-ups rationed): a summary there would replace the result.
        if (link.FollowUpsLimited && !link.FinalChannels.ContainsKey(episode)) return;

        if (link.ThreadId is not null)
        {
            await EditOriginalAsync(
                link, f => new MessageEdit { Content = "", Embeds = [Embed(f)], Components = buttons }, image, baseName, cancellationToken).ConfigureAwait(false);
            return;
        }
        var summary = ProgressMessages.Summary(trajectory, episode, threadId: null);
        await EditOriginalAsync(link, _ => new MessageEdit { Content = summary, Embeds = [], Components = [] }, null, baseName, cancellationToken).ConfigureAwait(false);
    }
}

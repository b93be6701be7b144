using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Posting;

public sealed partial class DiscordProgressObserver
{
    private async Task PostRoundAsync(DiscordSessionLink link, TurnRecord turn, int round, SessionOptions options, CancellationToken cancellationToken)
    {
        var image = await ImageAsync(link.SessionId, turn.Image, cancellationToken).ConfigureAwait(false);
        var baseName = $"round-{round}";
        Embed Embed(FittedImage? fitted) => ProgressMessages.Round(link.SessionId, turn, round, options, fitted?.FileName);

        if (link.RoundMessage(turn.Index) is { } existing)
        {
            link.RoundChannels.TryGetValue(turn.Index, out var channelId);
            if (await EditAsync(link, existing, channelId, f => new MessageEdit { Embeds = [Embed(f)] }, image, baseName, cancellationToken).ConfigureAwait(false))
                logger.RoundEdited(link.SessionId, turn.Index, existing);
            return;
        }

        if (link.RoundMessages.Count == 0) link = await FirstRoundAsync(link, cancellationToken).ConfigureAwait(false);
        var sent = await CreateAsync(
            link, f => new MessageCreate { Embeds = [Embed(f)] }, image, baseName, ProgressMessages.Nonce(link.SessionId, "round", turn.Index), cancellationToken)
            .ConfigureAwait(false);
        if (sent is null) return;
        await links.SaveAsync(sent.Link.WithRound(turn.Index, sent.MessageId, sent.ChannelId), cancellationToken).ConfigureAwait(false);
        logger.RoundPosted(link.SessionId, round, turn.Index, sent.MessageId);
    }

    /// <summary>
    /// Before the first round: the thread the rounds go to (in thread mode), and a note on the "thinking" message so it
    /// does not spin until the end. A chat session's reply already says it is working.
    /// </summary>
    private async Task<DiscordSessionLink> FirstRoundAsync(DiscordSessionLink link, CancellationToken cancellationToken)
    {
        if (InThread(link) && link.ThreadId is null) link = await EnsureThreadAsync(link, cancellationToken).ConfigureAwait(false);
        if (link.InteractionToken is null) return link;
        var where = link.ThreadId is null ? "each round follows below" : $"the rounds follow in <#{link.ThreadId}>";
        var note = TextTrim.To($"**{TextTrim.Line(link.Prompt, 300)}**\nWorking on it: {where}.", DiscordLimits.MessageContentLength);
        return await EditOriginalAsync(link, _ => new MessageEdit { Content = note }, null, "note", cancellationToken).ConfigureAwait(false);
    }
}

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

        if (NothingPosted(link)) link = await FirstRoundAsync(link, cancellationToken).ConfigureAwait(false);
        var sent = await CreateAsync(
            link, f => new MessageCreate { Embeds = [Embed(f)] }, image, baseName, ProgressMessages.Nonce(link.SessionId, "round", turn.Index), cancellationToken)
            .ConfigureAwait(false);
        if (sent is null) return;
        await links.SaveAsync(sent.Link.WithRound(turn.Index, sent.MessageId, sent.ChannelId), cancellationToken).ConfigureAwait(false);
        logger.RoundPosted(link.SessionId, round, turn.Index, sent.MessageId);
    }

    /// <summary>
    /// Effort high: each candidate's final image in a post of its own, side by side in the thread before the winner is
    /// known; the final post then names the winner and every comparison. A candidate already posted is not posted again.
    /// </summary>
    private async Task PostCandidatesAsync(DiscordSessionLink link, IReadOnlyList<CandidateRecord> candidates, CancellationToken cancellationToken)
    {
        foreach (var candidate in candidates.Where(c => c.FinalImage is not null && !link.CandidateMessages.ContainsKey(c.Index)))
        {
            if (NothingPosted(link)) link = await FirstRoundAsync(link, cancellationToken).ConfigureAwait(false);
            var image = await ImageAsync(link.SessionId, candidate.FinalImage, cancellationToken).ConfigureAwait(false);
            var sent = await CreateAsync(
                link, f => new MessageCreate { Embeds = [ProgressMessages.Candidate(link.SessionId, candidate, f?.FileName)] }, image, $"candidate-{candidate.Index}",
                ProgressMessages.Nonce(link.SessionId, "candidate", candidate.Index), cancellationToken).ConfigureAwait(false);
            if (sent is null) return;
            link = sent.Link.WithCandidate(candidate.Index, sent.MessageId);
            await links.SaveAsync(link, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool NothingPosted(DiscordSessionLink link) => link.RoundMessages.Count == 0 && link.CandidateMessages.Count == 0;

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

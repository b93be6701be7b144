using GenAgent.Discord.Rest;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Safety;

/// <summary>
/// Whether a channel is age-restricted. Discord marks text channels with <c>nsfw</c>, but a thread carries no flag of
/// its own: it is age-restricted exactly when its parent channel is, so a thread is answered by its parent (read with
/// the bot token). Anything that cannot be read counts as not age-restricted, the side on which NSFW prompts are refused.
/// </summary>
public static class AgeRestriction
{
    public static async Task<bool> IsAgeRestrictedAsync(DiscordChannel? channel, DiscordRestClient rest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        if (channel is null) return false;
        if (!channel.IsThread) return channel.Nsfw ?? false;

        try
        {
            // An interaction's partial channel names the parent; a thread without it is read in full first.
            var parentId = channel.ParentId ?? (await rest.GetChannelAsync(channel.Id, cancellationToken).ConfigureAwait(false)).ParentId;
            if (parentId is null) return false;
            var parent = await rest.GetChannelAsync(parentId, cancellationToken).ConfigureAwait(false);
            return parent.Nsfw ?? false;
        }
        catch (DiscordApiException unreadable) when (unreadable.HttpStatus is 403 or 404)
        {
            return false;
        }
    }
}

namespace GenAgent.Discord.Sessions.Posting;

/// <summary>
/// Where a post goes: an interaction follow-up on the token (<see cref="ChannelId"/> null) or a channel or thread message
/// with the bot token.
/// </summary>
internal sealed record PostTarget(string? ChannelId, bool Ephemeral, string? ReplyTo)
{
    public bool IsFollowUp => ChannelId is null;

    public static PostTarget FollowUp(bool ephemeral) => new(null, ephemeral, null);

    public static PostTarget Channel(string channelId, string? replyTo = null) => new(channelId, false, replyTo);
}

using GenAgent.Core.Sessions;

namespace GenAgent.Discord.Sessions.Links;

/// <summary>
/// Everything a later update, click or process needs to post a session's progress in Discord: where it was asked, how
/// to answer (interaction token while it lives, the bot token after), and which messages already carry which round.
/// Stored as JSON next to the session's images, never kept in process memory.
/// </summary>
public sealed record DiscordSessionLink
{
    public required string SessionId { get; init; }

    public required string ApplicationId { get; init; }

    /// <summary>The interaction token of a slash command or button; null for sessions started by a mention or a DM.</summary>
    public string? InteractionToken { get; init; }

    /// <summary>When the interaction token was issued; it works for 15 minutes.</summary>
    public DateTimeOffset TokenIssuedAt { get; init; }

    /// <summary>Null in a DM.</summary>
    public string? GuildId { get; init; }

    /// <summary>The channel the session was asked in (a DM channel for direct messages).</summary>
    public required string ChannelId { get; init; }

    /// <summary>The thread the rounds go to, once created.</summary>
    public string? ThreadId { get; init; }

    public required string UserId { get; init; }

    /// <summary>Ephemeral follow-ups only, visible to the user alone.</summary>
    public bool Private { get; init; }

    /// <summary>The interaction's <c>attachment_size_limit</c> in bytes; 0 means unknown (Discord's default applies).</summary>
    public long AttachmentSizeLimit { get; init; }

    /// <summary>The "thinking" message: the deferred response of a slash command, or the bot's reply to a mention.</summary>
    public string? OriginalMessageId { get; init; }

    /// <summary>The user's own message that started a chat session (mention or DM); posts reply to it.</summary>
    public string? SourceMessageId { get; init; }

    public required string Prompt { get; init; }

    public Effort? Effort { get; init; }
    /// <summary>The aspect ratio asked for, so a continuation or Variations keeps the shape.</summary>
    public string? Aspect { get; init; }

    /// <summary>
    /// Discord allows this interaction 5 follow-ups (a user-installed app outside servers that installed it, or a 40094
    /// answer): every round, candidate and final is then shown by editing the "thinking" message instead.
    /// </summary>
    public bool FollowUpsLimited { get; init; }

    /// <summary>Rounds go to a thread of their own (the user's setting; ignored in DMs and for private sessions).</summary>
    public bool UseThread { get; init; } = true;

    /// <summary>Turn index -> the id of the message that shows that round.</summary>
    public IReadOnlyDictionary<int, string> RoundMessages { get; init; } = new Dictionary<int, string>();

    /// <summary>Turn index -> the channel (or thread) its message was posted in with the bot token; absent for an interaction follow-up.</summary>
    public IReadOnlyDictionary<int, string> RoundChannels { get; init; } = new Dictionary<int, string>();

    /// <summary>Effort high: candidate index -> the message that shows its final image (posted once, never edited).</summary>
    public IReadOnlyDictionary<int, string> CandidateMessages { get; init; } = new Dictionary<int, string>();

    /// <summary>The latest episode's final message.</summary>
    public string? FinalMessageId { get; init; }

    /// <summary>Episode -> the id of its final message (a follow-up ends with a final message of its own).</summary>
    public IReadOnlyDictionary<int, string> FinalMessages { get; init; } = new Dictionary<int, string>();

    /// <summary>Episode -> the channel its final message was posted in with the bot token; absent for a follow-up.</summary>
    public IReadOnlyDictionary<int, string> FinalChannels { get; init; } = new Dictionary<int, string>();

    /// <summary>The message id of <paramref name="turn"/>'s post, or null when it has not been posted.</summary>
    public string? RoundMessage(int turn) => RoundMessages.TryGetValue(turn, out var id) ? id : null;

    /// <summary>This link with <paramref name="turn"/> shown by <paramref name="messageId"/>, posted in <paramref name="channelId"/> (null: a follow-up).</summary>
    public DiscordSessionLink WithRound(int turn, string messageId, string? channelId) => this with
    {
        RoundMessages = new Dictionary<int, string>(RoundMessages) { [turn] = messageId },
        RoundChannels = With(RoundChannels, turn, channelId),
    };

    public DiscordSessionLink WithCandidate(int index, string messageId) => this with
    {
        CandidateMessages = new Dictionary<int, string>(CandidateMessages) { [index] = messageId },
    };

    /// <summary>This link with <paramref name="episode"/>'s final message, posted in <paramref name="channelId"/> (null: a follow-up).</summary>
    public DiscordSessionLink WithFinal(int episode, string messageId, string? channelId) => this with
    {
        FinalMessageId = messageId,
        FinalMessages = new Dictionary<int, string>(FinalMessages) { [episode] = messageId },
        FinalChannels = With(FinalChannels, episode, channelId),
    };

    private static Dictionary<int, string> With(IReadOnlyDictionary<int, string> map, int key, string? value)
    {
        var copy = new Dictionary<int, string>(map);
        if (value is null) copy.Remove(key);
        else copy[key] = value;
        return copy;
    }
}

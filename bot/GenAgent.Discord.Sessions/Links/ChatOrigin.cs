namespace GenAgent.Discord.Sessions.Links;

/// <summary>
/// Where a chat session (a mention or a DM) began: the user's message and the bot's "working on it" reply. Written
/// before the session starts, beside its link, so the first round already knows what to reply to and thread from.
/// </summary>
public sealed record ChatOrigin(string SessionId, string ChannelId, string SourceMessageId, string? ReplyMessageId);

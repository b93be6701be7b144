namespace GenAgent.Discord.Sessions.Starting;

/// <summary>
/// The interaction a session answers through: its webhook token (valid 15 minutes), its upload limit, and whether only
/// the user's install authorised it (5 follow-ups at most, no bot in the channel).
/// </summary>
public sealed record InteractionReply(string ApplicationId, string Token, long AttachmentSizeLimit, bool UserInstallOnly = false);

namespace GenAgent.Discord.Sessions.Starting;

/// <summary>The interaction a session answers through: its webhook token (valid 15 minutes) and its upload limit.</summary>
public sealed record InteractionReply(string ApplicationId, string Token, long AttachmentSizeLimit);

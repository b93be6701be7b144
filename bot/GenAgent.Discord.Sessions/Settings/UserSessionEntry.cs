namespace GenAgent.Discord.Sessions.Settings;

/// <summary>One session a user started, as <c>/status</c>, <c>/cancel</c> and the cooldown read it.</summary>
public sealed record UserSessionEntry(string SessionId, DateTimeOffset StartedAt, string? GuildId, string ChannelId, string Prompt);

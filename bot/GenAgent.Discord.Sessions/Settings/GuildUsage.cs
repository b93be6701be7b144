namespace GenAgent.Discord.Sessions.Settings;

/// <summary>How many sessions a guild started on one UTC day (the daily quota's counter).</summary>
public sealed record GuildUsage(string Day, int Sessions);

using GenAgent.Core.Sessions;

namespace GenAgent.Discord.Sessions.Settings;

/// <summary>A user's defaults from <c>/settings user</c>; null means "not chosen" (the bot's default applies).</summary>
public sealed record UserSettings
{
    public Effort? Effort { get; init; }
    /// <summary>Post each session's rounds in a thread of its own.</summary>
    public bool? Threads { get; init; }
    /// <summary>Answer only to the user (ephemeral) by default.</summary>
    public bool? Private { get; init; }
}

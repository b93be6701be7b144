using GenAgent.Core.Sessions;

namespace GenAgent.Discord.Sessions.Starting;

/// <summary>
/// A start that passed the rules and is recorded, waiting for <see cref="DiscordSessionStarter.LaunchAsync"/>; or a
/// refusal (<see cref="DiscordStartResult.Started"/> false, nothing recorded).
/// </summary>
public sealed record PreparedStart(
    DiscordStartResult Result, SessionRequest? Request = null, string? AdmissionUser = null, string? UserId = null, DiscordStartSource Source = DiscordStartSource.Slash)
{
    /// <summary>The link the progress posts need; saved by the launch before the engine starts.</summary>
    public Links.DiscordSessionLink? Link { get; init; }

    /// <summary>The entry for the user's session list.</summary>
    public Settings.UserSessionEntry? Entry { get; init; }

    public static PreparedStart Refused(string reason) => new(DiscordStartResult.Refused(reason));
}

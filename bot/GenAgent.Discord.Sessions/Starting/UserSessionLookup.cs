using GenAgent.Discord.Sessions.Settings;
using GenAgent.Workflow.Engine;

namespace GenAgent.Discord.Sessions.Starting;

/// <summary>Reads a user's recent sessions together with their live state, for the caps, <c>/status</c> and <c>/cancel</c>.</summary>
public static class UserSessionLookup
{
    /// <summary>How many of the newest sessions are looked at; older ones have long ended.</summary>
    public const int Depth = 10;

    public static async Task<IReadOnlyList<UserSessionStatus>> ReadAsync(
        DiscordSettingsStore settings, ISessionEngine engine, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(engine);
        var sessions = await settings.GetSessionsAsync(userId, cancellationToken).ConfigureAwait(false);
        var entries = sessions.Entries.Take(Depth).ToList();
        var snapshots = await Task.WhenAll(entries.Select(e => engine.GetAsync(e.SessionId, cancellationToken))).ConfigureAwait(false);
        return [.. entries.Select((e, i) => new UserSessionStatus(e, snapshots[i]))];
    }
}

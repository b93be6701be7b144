namespace GenAgent.Discord.Sessions.Settings;

/// <summary>The most recent sessions of a user, newest first, at most <see cref="Capacity"/>.</summary>
public sealed record UserSessions
{
    public const int Capacity = 25;

    public IReadOnlyList<UserSessionEntry> Entries { get; init; } = [];

    public UserSessions With(UserSessionEntry entry) => new()
    {
        Entries = [entry, .. Entries.Where(e => e.SessionId != entry.SessionId).Take(Capacity - 1)],
    };
}

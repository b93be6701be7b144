using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenAgent.Core.Images;

namespace GenAgent.Discord.Sessions.Settings;

/// <summary>
/// User and guild settings, the user's session list and the guild's daily counters, as JSON blobs in the image store, so
/// every instance (serve, Functions, the gateway worker) sees the same state. Updates are read-modify-write without a
/// lease: good enough for one bot instance; a multi-instance deployment races on the counters and may let a guild
/// slightly exceed its daily quota.
/// </summary>
public sealed class DiscordSettingsStore(IImageStore store, TimeProvider clock)
{
    public Task<UserSettings> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        ReadAsync(SettingsKeys.User(userId), SettingsJsonContext.Default.UserSettings, () => new UserSettings(), cancellationToken);

    public Task SaveUserAsync(string userId, UserSettings settings, CancellationToken cancellationToken = default) =>
        WriteAsync(SettingsKeys.User(userId), settings, SettingsJsonContext.Default.UserSettings, cancellationToken);

    public Task<GuildSettings> GetGuildAsync(string guildId, CancellationToken cancellationToken = default) =>
        ReadAsync(SettingsKeys.Guild(guildId), SettingsJsonContext.Default.GuildSettings, () => new GuildSettings(), cancellationToken);

    public Task SaveGuildAsync(string guildId, GuildSettings settings, CancellationToken cancellationToken = default) =>
        WriteAsync(SettingsKeys.Guild(guildId), settings, SettingsJsonContext.Default.GuildSettings, cancellationToken);

    public Task<UserSessions> GetSessionsAsync(string userId, CancellationToken cancellationToken = default) =>
        ReadAsync(SettingsKeys.UserSessions(userId), SettingsJsonContext.Default.UserSessions, () => new UserSessions(), cancellationToken);

    public async Task RecordSessionAsync(string userId, UserSessionEntry entry, CancellationToken cancellationToken = default)
    {
        var sessions = await GetSessionsAsync(userId, cancellationToken).ConfigureAwait(false);
        await WriteAsync(SettingsKeys.UserSessions(userId), sessions.With(entry), SettingsJsonContext.Default.UserSessions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sessions the guild started today (UTC).</summary>
    public async Task<int> GetGuildUsageAsync(string guildId, CancellationToken cancellationToken = default)
    {
        var day = Today;
        var usage = await ReadAsync(SettingsKeys.GuildUsage(guildId, day), SettingsJsonContext.Default.GuildUsage, () => new GuildUsage(Day(day), 0), cancellationToken)
            .ConfigureAwait(false);
        return usage.Sessions;
    }

    /// <summary>Counts one more session for the guild today; returns the new count.</summary>
    public async Task<int> AddGuildUsageAsync(string guildId, CancellationToken cancellationToken = default)
    {
        var day = Today;
        var key = SettingsKeys.GuildUsage(guildId, day);
        var usage = await ReadAsync(key, SettingsJsonContext.Default.GuildUsage, () => new GuildUsage(Day(day), 0), cancellationToken).ConfigureAwait(false);
        var next = usage with { Sessions = usage.Sessions + 1 };
        await WriteAsync(key, next, SettingsJsonContext.Default.GuildUsage, cancellationToken).ConfigureAwait(false);
        return next.Sessions;
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> ReadAsync<T>(string key, JsonTypeInfo<T> type, Func<T> empty, CancellationToken cancellationToken)
    {
        var bytes = await store.TryGetAsync(key, cancellationToken).ConfigureAwait(false);
        if (bytes is null) return empty();
        try
        {
            return JsonSerializer.Deserialize(bytes, type) ?? empty();
        }
        catch (JsonException corrupt)
        {
            throw new InvalidDataException($"The Discord state at {key} is not valid JSON: {corrupt.Message}", corrupt);
        }
    }

    private Task WriteAsync<T>(string key, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        store.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, type), "application/json", cancellationToken);
}

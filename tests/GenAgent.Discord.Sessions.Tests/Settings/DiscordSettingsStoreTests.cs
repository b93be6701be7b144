using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Settings;

namespace GenAgent.Discord.Sessions.Tests.Settings;

public sealed class DiscordSettingsStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("genagent-discord-settings-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 28, 23, 59, 0, TimeSpan.Zero));
    private readonly DiscordSettingsStore _store;

    public DiscordSettingsStoreTests() => _store = new DiscordSettingsStore(new LocalImageStore(_root), _clock);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Unknown_users_and_guilds_get_defaults()
    {
        Assert.Equal(new UserSettings(), await _store.GetUserAsync("1"));
        var guild = await _store.GetGuildAsync("2");
        Assert.Empty(guild.AllowedChannels);
        Assert.Equal(NsfwPolicy.AgeRestrictedOnly, guild.Nsfw);
    }

    [Fact]
    public async Task Settings_are_json_files_under_discord_keys()
    {
        await _store.SaveUserAsync("1", new UserSettings { Effort = Effort.High, Threads = false });
        await _store.SaveGuildAsync("2", new GuildSettings { AllowedChannels = ["3"], Blocklist = ["castle"], Nsfw = NsfwPolicy.Never, DailyQuota = 7 });

        Assert.Equal(new UserSettings { Effort = Effort.High, Threads = false }, await _store.GetUserAsync("1"));
        var guild = await _store.GetGuildAsync("2");
        Assert.Equal(["3"], guild.AllowedChannels);
        Assert.Equal(["castle"], guild.Blocklist);
        Assert.Equal(7, guild.DailyQuota);
        var json = await File.ReadAllTextAsync(Path.Combine(_root, "discord", "guilds", "2", "settings.json"));
        Assert.Contains("\"nsfw\":\"Never\"", json, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "discord", "users", "1", "settings.json")));
    }

    [Fact]
    public async Task The_session_list_keeps_the_newest_first_and_is_capped()
    {
        for (var i = 0; i < UserSessions.Capacity + 5; i++)
            await _store.RecordSessionAsync("1", new UserSessionEntry($"s{i}", _clock.Now.AddSeconds(i), "2", "3", $"prompt {i}"));

        var sessions = await _store.GetSessionsAsync("1");
        Assert.Equal(UserSessions.Capacity, sessions.Entries.Count);
        Assert.Equal($"s{UserSessions.Capacity + 4}", sessions.Entries[0].SessionId);
    }

    [Fact]
    public async Task Guild_usage_counts_per_utc_day()
    {
        Assert.Equal(1, await _store.AddGuildUsageAsync("2"));
        Assert.Equal(2, await _store.AddGuildUsageAsync("2"));
        Assert.Equal(2, await _store.GetGuildUsageAsync("2"));
        Assert.True(File.Exists(Path.Combine(_root, "discord", "guilds", "2", "usage-20261128.json")));

        _clock.Now = _clock.Now.AddMinutes(2);
        Assert.Equal(0, await _store.GetGuildUsageAsync("2"));
        Assert.Equal(1, await _store.AddGuildUsageAsync("2"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("abc")]
    [InlineData("")]
    public void Ids_that_are_not_snowflakes_never_become_paths(string id) =>
        Assert.Throws<ArgumentException>(() => SettingsKeys.User(id));
}

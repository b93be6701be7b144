using System.Diagnostics;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Sessions.Tests.Commands;

/// <summary><c>genagent discord register</c> as a user runs it: the built CLI in a child process, pointed at a fake Discord.</summary>
public sealed class RegisterCommandTests
{
    [Fact]
    public async Task Register_with_a_guild_bulk_overwrites_that_guilds_commands()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var keys = new TestKeys();
        var env = fake.Settings(keys.PublicKeyHex).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

        var (exit, stdout, stderr) = await RunAsync(env, "discord", "register", "--guild", "123");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var put = Assert.Single(fake.Requests, r => r.Method == "PUT");
        Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/guilds/123/commands", put.Path);
        Assert.Equal($"Bot {FakeDiscord.BotToken}", put.Header("Authorization"));
        Assert.Equal(["imagine", "settings", "status", "cancel"], put.Json!.Value.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Contains("Registered 4 commands in guild 123", stdout, StringComparison.Ordinal);
        Assert.Contains("/imagine", stdout, StringComparison.Ordinal);
        Assert.All(put.Json!.Value.EnumerateArray(), c => Assert.Equal("[0]", c.GetProperty("contexts").GetRawText()));
    }

    [Fact]
    public async Task Global_commands_serve_guild_installs_unless_user_install_is_asked_for()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var keys = new TestKeys();
        var env = fake.Settings(keys.PublicKeyHex).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

        var (exit, _, stderr) = await RunAsync(env, "discord", "register");
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var global = Assert.Single(fake.Requests, r => r.Method == "PUT").Json!.Value.EnumerateArray().First();
        Assert.Equal("[0,1]", global.GetProperty("contexts").GetRawText());
        Assert.Equal("[0]", global.GetProperty("integration_types").GetRawText());

        // A new application allows guild install only: asking for user install fails with Discord's reason ...
        var (refused, _, why) = await RunAsync(env, "discord", "register", "--user-install");
        Assert.NotEqual(0, refused);
        Assert.Contains("USER_INSTALL is not enabled", why, StringComparison.Ordinal);

        // ... and works once the portal allows it.
        fake.UserInstallAllowed = true;
        var (ok, _, error) = await RunAsync(env, "discord", "register", "--user-install");
        Assert.True(ok == 0, $"exit {ok}: {error}");
        var withUser = fake.Requests.Last(r => r.Method == "PUT").Json!.Value.EnumerateArray().First();
        Assert.Equal("[0,1,2]", withUser.GetProperty("contexts").GetRawText());
        Assert.Equal("[0,1]", withUser.GetProperty("integration_types").GetRawText());
    }

    [Fact]
    public async Task Missing_configuration_names_the_keys_to_set()
    {
        var (exit, _, stderr) = await RunAsync(new Dictionary<string, string?>(), "discord", "register");

        Assert.Equal(2, exit);
        Assert.Contains("Discord__PublicKey", stderr, StringComparison.Ordinal);
        Assert.Contains("Discord__ApplicationId", stderr, StringComparison.Ordinal);
        Assert.Contains("Discord__BotToken", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string?> env, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "genagent.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // The developer's own Discord settings must not leak into the test.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("Discord__", StringComparison.OrdinalIgnoreCase)).ToList()) info.Environment.Remove(name);
        foreach (var (name, value) in env) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

using GenAgent.Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace GenAgent.Discord.Sessions.Tests.Bot;

public sealed class BotHostTests
{
    [Fact]
    public async Task Missing_and_malformed_Discord_keys_stop_the_worker_with_one_message_naming_each()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = "not-a-snowflake",
            ["Discord:PublicKey"] = "",
            ["Discord:BotToken"] = "",
        };

        var error = await Assert.ThrowsAsync<BotConfigurationException>(() => BotHost.BuildAsync([], c => c.AddInMemoryCollection(settings)));

        Assert.Contains("Discord__PublicKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord__BotToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord__ApplicationId must be a snowflake", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_profile_is_a_configuration_error_too()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = "1100000000000000001",
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:BotToken"] = "token",
            ["GenAgent:Profile"] = "no-such-profile",
        };

        var error = await Assert.ThrowsAsync<BotConfigurationException>(() => BotHost.BuildAsync([], c => c.AddInMemoryCollection(settings)));

        Assert.Contains("no-such-profile", error.Message, StringComparison.Ordinal);
    }
}

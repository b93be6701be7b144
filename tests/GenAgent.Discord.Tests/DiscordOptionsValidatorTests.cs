using GenAgent.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    [Fact]
    public async Task Startup_fails_with_one_message_naming_every_missing_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:PublicKey"] = "1234", ["Discord:ApiBaseUrl"] = "not a url" });
        builder.Services.AddDiscordClient(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Discord__PublicKey must be 64 hex characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord__ApplicationId is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord__BotToken is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord__ApiBaseUrl must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_twice_still_sends_one_user_agent()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var keys = new TestKeys();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(fake.Settings(keys.PublicKeyHex)).Build();
        await using var services = new ServiceCollection().AddLogging().AddDiscordClient(configuration).AddDiscordClient(configuration).BuildServiceProvider();

        await services.GetRequiredService<GenAgent.Discord.Rest.DiscordRestClient>().GetChannelAsync("1");

        Assert.Equal("DiscordBot (https://github.com/genagent/genagent, 1.0)", Assert.Single(fake.Requests).Header("User-Agent"));
        Assert.NotNull(services.GetRequiredService<GenAgent.Discord.Interactions.InteractionVerifier>());
    }

    [Fact]
    public void A_complete_configuration_has_no_problems()
    {
        using var keys = new TestKeys();
        var options = new DiscordOptions { PublicKey = keys.PublicKeyHex, ApplicationId = "1100000000000000001", BotToken = "abc.def" };

        Assert.Empty(DiscordOptionsValidator.Problems(options));
    }

    [Theory]
    [InlineData("ApplicationId", "12ab", "Discord__ApplicationId must be a snowflake")]
    [InlineData("BotToken", "Bot abc", "Discord__BotToken must be the bare token")]
    [InlineData("GatewayUrl", "https://gateway.discord.gg", "Discord__GatewayUrl must be an absolute ws(s) URL")]
    public void Malformed_keys_are_named(string key, string value, string expected)
    {
        using var keys = new TestKeys();
        var options = new DiscordOptions { PublicKey = keys.PublicKeyHex, ApplicationId = "1100000000000000001", BotToken = "abc.def" };
        typeof(DiscordOptions).GetProperty(key)!.SetValue(options, value);

        var problem = Assert.Single(DiscordOptionsValidator.Problems(options));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }
}

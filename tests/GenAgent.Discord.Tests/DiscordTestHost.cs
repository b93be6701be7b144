using GenAgent.Discord.Rest;
using GenAgent.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Discord.Tests;

/// <summary>The client as an application registers it (<c>AddDiscordClient</c>), pointed at a fake Discord.</summary>
internal sealed class DiscordTestHost : IAsyncDisposable
{
    private DiscordTestHost(FakeDiscord fake, ServiceProvider services, TestKeys keys)
    {
        Fake = fake;
        Services = services;
        Keys = keys;
    }

    public FakeDiscord Fake { get; }

    public ServiceProvider Services { get; }

    public TestKeys Keys { get; }

    public DiscordRestClient Rest => Services.GetRequiredService<DiscordRestClient>();

    /// <param name="fake">A fake already started (and scripted); otherwise a new one. The host disposes it.</param>
    public static async Task<DiscordTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null, FakeDiscord? fake = null)
    {
        fake ??= await FakeDiscord.StartAsync();
        var keys = new TestKeys();
        var settings = fake.Settings(keys.PublicKeyHex);
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (Environment.GetEnvironmentVariable("DISCORD_TEST_LOG") is { Length: > 0 } path)
                {
                    logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new FileLoggerProvider(path));
                }
            })
            .AddDiscordClient(configuration);
        services?.Invoke(collection);
        return new DiscordTestHost(fake, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), keys);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
        Keys.Dispose();
    }
}

using GenAgent.Discord.Rest;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Discord.Tests.Rest;

/// <summary>
/// Discord bans an IP for an hour after 10,000 responses of 401, 403 or 429 in 10 minutes: the client counts them and,
/// at its limit, stops sending (a local refusal, nothing on the wire) until the oldest leaves the window.
/// </summary>
public sealed class InvalidRequestBudgetTests : IAsyncLifetime
{
    private const string Channel = FakeDiscord.DefaultChannelId;
    private readonly ManualClock _clock = new();
    private DiscordTestHost host = null!;

    public async Task InitializeAsync() => host = await DiscordTestHost.StartAsync(
        settings => settings["Discord:InvalidRequestLimit"] = "5",
        services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task At_the_limit_requests_are_refused_locally_until_the_window_slides()
    {
        host.Fake.Script("POST", "^/channels/", ScriptedResponse.Error(403, 50013, "Missing Permissions"), times: 5);
        for (var i = 0; i < 5; i++)
        {
            var denied = await Assert.ThrowsAsync<DiscordApiException>(() => host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" }));
            Assert.Equal(403, denied.HttpStatus);
        }

        var refused = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" }));

        Assert.Equal(5, host.Fake.Requests.Count);
        Assert.True(refused.Global);
        Assert.Contains("10,000", refused.Message, StringComparison.Ordinal);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));

        // Ten minutes after the first 403 it leaves the window, and requests go out again.
        _clock.Advance(TimeSpan.FromMinutes(10));
        var sent = await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" });
        Assert.NotNull(sent.Id);
        Assert.Equal(6, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task Successes_and_404s_do_not_count_and_neither_do_shared_scope_429s()
    {
        host.Fake.Script("POST", "^/channels/", ScriptedResponse.Error(404, 10003, "Unknown Channel"), times: 6);
        for (var i = 0; i < 6; i++)
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" }));
        }

        // Six 429s of a shared resource's limit, each retried after its 10 ms: they do not count toward the ban.
        host.Fake.Script("POST", "^/channels/", ScriptedResponse.RateLimited(0.01, scope: "shared"), times: 6);
        for (var i = 0; i < 6; i++)
        {
            try
            {
                await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" });
            }
            catch (DiscordRateLimitedException limited) when (!limited.Message.Contains("not sent", StringComparison.Ordinal))
            {
                // Past the retries on the scripted 429s; the next call goes out.
            }
        }

        await host.Rest.CreateMessageAsync(Channel, new MessageCreate { Content = "x" });
        Assert.Equal(12, host.Fake.Requests.Count(r => r.Status is 404 or 429));
    }

    /// <summary>Now moves only when told; timers (Task.Delay on the provider) still run on the system clock.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private TimeSpan _offset;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

        public void Advance(TimeSpan by) => _offset += by;
    }
}

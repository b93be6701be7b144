using GenAgent.Discord.Rest;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Discord.Tests.Rest;

/// <summary>
/// The fake refuses (and counts as a violation) any request that arrives while its route is limited, the way Discord
/// does; so "no violations and every call succeeded" means the client waited exactly where it had to.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string ChannelA = "1400000000000000001";
    private const string ChannelB = "1400000000000000002";
    private DiscordTestHost host = null!;

    public async Task InitializeAsync() => host = await DiscordTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset_while_other_buckets_proceed()
    {
        host.Fake.EmulateBucket("POST", $"^/channels/{ChannelA}/messages$", "bucket-messages", limit: 2, resetAfterSeconds: 1.0);

        await host.Rest.CreateMessageAsync(ChannelA, new MessageCreate { Content = "1" });
        await host.Rest.CreateMessageAsync(ChannelA, new MessageCreate { Content = "2" });
        var third = host.Rest.CreateMessageAsync(ChannelA, new MessageCreate { Content = "3" });
        var other = host.Rest.CreateMessageAsync(ChannelB, new MessageCreate { Content = "elsewhere" });
        await Task.WhenAll(third, other);

        Assert.Equal(0, host.Fake.RateLimitViolations);
        Assert.All(host.Fake.Requests, r => Assert.Equal(200, r.Status));
        var thirdRequest = host.Fake.Requests.Single(r => r.Json!.Value.GetProperty("content").GetString() == "3");
        var otherRequest = host.Fake.Requests.Single(r => r.Path.Contains(ChannelB, StringComparison.Ordinal));
        Assert.True(otherRequest.Sequence < thirdRequest.Sequence, "the other channel's request should not wait behind the exhausted bucket");
        Assert.Equal("3", (await third).Content);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after()
    {
        host.Fake.Script("POST", $"^/channels/{ChannelA}/messages$", ScriptedResponse.RateLimited(0.3));

        var message = await host.Rest.CreateMessageAsync(ChannelA, new MessageCreate { Content = "x" });

        Assert.Equal("x", message.Content);
        Assert.Equal([429, 200], host.Fake.Requests.Select(r => r.Status));
        Assert.Equal(0, host.Fake.RateLimitViolations);
    }

    [Fact]
    public async Task A_global_429_pauses_every_route()
    {
        host.Fake.Script("POST", $"^/channels/{ChannelA}/messages$", ScriptedResponse.RateLimited(1.0, global: true));

        var limited = host.Rest.CreateMessageAsync(ChannelA, new MessageCreate { Content = "a" });
        var limiter = host.Services.GetRequiredService<DiscordRateLimiter>();
        while (!limiter.IsGloballyLimited && !limited.IsCompleted)
        {
            // The client has not read the 429 yet; a request sent now would rightly be refused by Discord too.
            await Task.Delay(5);
        }

        var other = await host.Rest.CreateMessageAsync(ChannelB, new MessageCreate { Content = "b" });
        await limited;

        Assert.Equal(0, host.Fake.RateLimitViolations);
        Assert.Equal("b", other.Content);
        Assert.Equal(3, host.Fake.Requests.Count);
        Assert.Equal(1, host.Fake.Requests.Count(r => r.Status == 429));
    }

    [Fact]
    public async Task A_shared_scope_429_is_honoured_on_webhook_routes_too()
    {
        host.Fake.Script("POST", "^/webhooks/", ScriptedResponse.RateLimited(0.2, scope: "shared"));

        var followup = await host.Rest.CreateFollowupAsync(FakeDiscord.ApplicationId, "tok", new MessageCreate { Content = "f" });

        Assert.Equal("f", followup.Content);
        Assert.True(host.Fake.RateLimitViolations == 0, string.Join(" ", host.Fake.Requests.Select(r => r + "@" + r.ReceivedAt.ToString("HH:mm:ss.fff"))));
    }

    [Fact]
    public async Task A_wait_longer_than_the_bound_fails_at_once()
    {
        host.Fake.Script("POST", $"^/channels/{ChannelA}/messages$", ScriptedResponse.RateLimited(120));

        var error = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => host.Rest.CreateMessageAsync(ChannelA, new MessageCreate { Content = "x" }));

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task Repeated_429s_end_after_the_retry_budget()
    {
        host.Fake.Script("GET", $"^/channels/{ChannelA}$", ScriptedResponse.RateLimited(0.05), times: 10);

        var error = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => host.Rest.GetChannelAsync(ChannelA));

        Assert.Equal(429, error.HttpStatus);
        Assert.Equal(4, host.Fake.Requests.Count);
        Assert.Equal(0, host.Fake.RateLimitViolations);
    }
}

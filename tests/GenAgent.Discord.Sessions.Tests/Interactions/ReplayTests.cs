using GenAgent.Discord.Sessions.Tests.Flow;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Sessions.Tests.Interactions;

/// <summary>
/// A valid signature proves Discord signed the body once: a stale or future timestamp is refused, and the same
/// interaction sent again is answered as the first time and starts nothing (observed: two sessions, two threads).
/// </summary>
[Collection(DiscordCollection.Name)]
public sealed class ReplayTests(DiscordServer server)
{
    public static TheoryData<string> StaleMoments => new()
    {
        "2010-06-01T00:00:00Z",
        "-365.00:00:00",
        "1.00:00:00",
        "-00:06:00",
    };

    [Theory]
    [MemberData(nameof(StaleMoments))]
    public async Task A_validly_signed_request_outside_the_five_minute_window_is_401(string moment)
    {
        var at = moment.Contains('T', StringComparison.Ordinal) ? DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow + TimeSpan.Parse(moment, System.Globalization.CultureInfo.InvariantCulture);
        var body = DiscordServer.Utf8(Flow.Interactions.Ping());

        Assert.Equal(401, await server.SendRawAsync(body, server.Keys.Headers(body, at)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e9")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    public async Task A_signed_timestamp_that_is_not_unix_seconds_is_401(string timestamp)
    {
        var body = DiscordServer.Utf8(Flow.Interactions.Ping());
        var headers = new Dictionary<string, string> { [TestKeys.SignatureHeader] = server.Keys.Sign(timestamp, body), [TestKeys.TimestampHeader] = timestamp };

        Assert.Equal(401, await server.SendRawAsync(body, headers));
    }

    [Fact]
    public async Task A_timestamp_a_minute_old_is_accepted()
    {
        var body = DiscordServer.Utf8(Flow.Interactions.Ping());

        Assert.Equal(200, await server.SendRawAsync(body, server.Keys.Headers(body, DateTimeOffset.UtcNow.AddMinutes(-1))));
    }

    [Fact]
    public async Task The_same_signed_imagine_sent_twice_starts_one_session()
    {
        const string user = "1500000000000000777";
        var imagine = Flow.Interactions.Imagine(user, "a photo of a red bus");
        server.Fake.RegisterInteraction(imagine["token"]!.GetValue<string>(), imagine["channel_id"]!.GetValue<string>());
        var body = DiscordServer.Utf8(imagine);
        var headers = server.Keys.Headers(body);

        var first = server.SendRawAsync(body, headers);
        var second = server.SendRawAsync(body, headers);
        var statuses = await Task.WhenAll(first, second);
        Assert.All(statuses, s => Assert.Equal(200, s));
        var sessionId = await server.NewestSessionAsync(user);
        await server.Engine.WaitForEpisodeEndAsync(sessionId, 1);
        Assert.Equal(200, await server.SendRawAsync(body, headers));

        var sessions = await server.Settings().GetSessionsAsync(user, CancellationToken.None);
        Assert.Equal(sessionId, Assert.Single(sessions.Entries).SessionId);
    }
}

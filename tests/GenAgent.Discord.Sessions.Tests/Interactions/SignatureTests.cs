using System.Globalization;
using GenAgent.Discord.Sessions.Tests.Flow;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Sessions.Tests.Interactions;

/// <summary>The endpoint accepts only requests signed by the application's key over timestamp + body (Discord probes with bad ones).</summary>
[Collection(DiscordCollection.Name)]
public sealed class SignatureTests(DiscordServer server)
{
    [Fact]
    public async Task Ping_signed_with_the_application_key_gets_pong()
    {
        var (status, body) = await server.SendAsync(Flow.Interactions.Ping());

        Assert.Equal(200, status);
        Assert.Equal(1, body.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Tampered_body_is_401()
    {
        var body = DiscordServer.Utf8(Flow.Interactions.Ping());
        var headers = server.Keys.Headers(body);
        body[^2] = (byte)' ';

        Assert.Equal(401, await server.SendRawAsync(body, headers));
    }

    [Fact]
    public async Task Tampered_timestamp_is_401()
    {
        var body = DiscordServer.Utf8(Flow.Interactions.Ping());
        var headers = new Dictionary<string, string>(server.Keys.Headers(body));
        var timestamp = long.Parse(headers[TestKeys.TimestampHeader], CultureInfo.InvariantCulture);
        headers[TestKeys.TimestampHeader] = (timestamp + 1).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(401, await server.SendRawAsync(body, headers));
    }

    [Fact]
    public async Task Signature_by_another_key_is_401()
    {
        using var other = new TestKeys();
        var body = DiscordServer.Utf8(Flow.Interactions.Ping());

        Assert.Equal(401, await server.SendRawAsync(body, other.Headers(body)));
    }

    [Theory]
    [InlineData(TestKeys.SignatureHeader)]
    [InlineData(TestKeys.TimestampHeader)]
    public async Task Missing_header_is_401(string missing)
    {
        var body = DiscordServer.Utf8(Flow.Interactions.Ping());
        var headers = new Dictionary<string, string>(server.Keys.Headers(body));
        headers.Remove(missing);

        Assert.Equal(401, await server.SendRawAsync(body, headers));
    }

    [Fact]
    public async Task Malformed_signature_is_401_not_an_error()
    {
        var body = DiscordServer.Utf8(Flow.Interactions.Ping());
        var headers = new Dictionary<string, string>(server.Keys.Headers(body)) { [TestKeys.SignatureHeader] = "zz-not-hex" };

        Assert.Equal(401, await server.SendRawAsync(body, headers));
    }
}

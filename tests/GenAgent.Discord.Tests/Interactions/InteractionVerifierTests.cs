using System.Text;
using GenAgent.Discord.Interactions;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Tests.Interactions;

public sealed class InteractionVerifierTests : IDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":1,"id":"1","application_id":"2","token":"t","version":1}""");
    private readonly TestKeys keys = new();
    private readonly InteractionVerifier verifier;

    public InteractionVerifierTests() => verifier = new InteractionVerifier(keys.PublicKeyHex);

    [Fact]
    public void A_signature_by_the_application_key_verifies()
    {
        var signature = keys.Sign("1700000000", Body);

        Assert.True(verifier.Verify(signature, "1700000000", Body));
    }

    [Fact]
    public void Uppercase_hex_verifies_too()
    {
        var signature = keys.Sign("1700000000", Body).ToUpperInvariant();

        Assert.True(verifier.Verify(signature, "1700000000", Body));
    }

    [Fact]
    public void A_tampered_body_fails()
    {
        var signature = keys.Sign("1700000000", Body);
        var tampered = (byte[])Body.Clone();
        tampered[^2] ^= 1;

        Assert.False(verifier.Verify(signature, "1700000000", tampered));
    }

    [Fact]
    public void A_tampered_timestamp_fails()
    {
        var signature = keys.Sign("1700000000", Body);

        Assert.False(verifier.Verify(signature, "1700000001", Body));
    }

    [Fact]
    public void A_signature_by_another_key_fails()
    {
        using var other = new TestKeys();
        var signature = other.Sign("1700000000", Body);

        Assert.False(verifier.Verify(signature, "1700000000", Body));
    }

    [Theory]
    [InlineData(null, "1700000000")]
    [InlineData("", "1700000000")]
    [InlineData("abc", "1700000000")]
    [InlineData("VALID", null)]
    [InlineData("VALID", "")]
    [InlineData("NOTHEX", "1700000000")]
    [InlineData("TOOLONG", "1700000000")]
    public void Missing_or_malformed_headers_fail_without_throwing(string? signature, string? timestamp)
    {
        var valid = keys.Sign("1700000000", Body);
        var header = signature switch
        {
            "VALID" => valid,
            "NOTHEX" => "zz" + valid[2..],
            "TOOLONG" => valid + "00",
            _ => signature,
        };

        Assert.False(verifier.Verify(header, timestamp, Body));
    }

    [Fact]
    public void A_flipped_signature_bit_fails()
    {
        var signature = keys.Sign("1700000000", Body).ToCharArray();
        signature[10] = signature[10] == '0' ? '1' : '0';

        Assert.False(verifier.Verify(new string(signature), "1700000000", Body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcd")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void A_malformed_public_key_is_a_startup_error(string key) =>
        Assert.ThrowsAny<ArgumentException>(() => new InteractionVerifier(key));

    public void Dispose() => keys.Dispose();
}

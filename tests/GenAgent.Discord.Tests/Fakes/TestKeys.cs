using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace GenAgent.Discord.Tests.Fakes;

/// <summary>
/// An Ed25519 key pair standing in for Discord's: its public key goes into <c>Discord:PublicKey</c>, and requests it
/// signs look exactly like Discord's.
/// </summary>
public sealed class TestKeys : IDisposable
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519);

    public string PublicKeyHex => Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>The hex signature Discord would send for this timestamp and body.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        var message = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(written));
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, message));
    }

    /// <summary>The two signature headers for <paramref name="body"/>, timestamped now (Unix seconds, as Discord does).</summary>
    public IReadOnlyDictionary<string, string> Headers(ReadOnlySpan<byte> body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string> { [SignatureHeader] = Sign(timestamp, body), [TimestampHeader] = timestamp };
    }

    /// <summary>A POST of <paramref name="json"/> to <paramref name="url"/>, signed like Discord's interaction requests.</summary>
    public HttpRequestMessage SignedRequest(string url, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in Headers(body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public void Dispose() => key.Dispose();
}

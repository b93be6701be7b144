using System.Security.Cryptography;
using System.Text;

namespace GenAgent.Api.Auth;

/// <summary>
/// Signs the read-only links a browser follows without headers (report pages, images), so they work when an API key
/// is required. A signature covers one path: it opens that page or image and nothing else. HMAC-SHA256 keyed with
/// the API key, so changing the key revokes every link.
/// </summary>
internal static class LinkSigner
{
    public const string QueryName = "sig";

    public static string Sign(string apiKey, string path) => Base64Url(Mac(apiKey, path));

    public static bool Verify(string apiKey, string path, string signature)
    {
        Span<byte> presented = stackalloc byte[64];
        return System.Buffers.Text.Base64Url.TryDecodeFromChars(signature, presented, out var written)
            && CryptographicOperations.FixedTimeEquals(presented[..written], Mac(apiKey, path));
    }

    private static byte[] Mac(string apiKey, string path) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(path));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

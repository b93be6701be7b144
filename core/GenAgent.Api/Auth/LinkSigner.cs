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

    /// <summary>A signature is an HMAC-SHA256 in unpadded base64url: 43 characters.</summary>
    private const int SignatureLength = 43;

    /// <summary>
    /// Whether <paramref name="signature"/> signs <paramref name="path"/>. Anything a client sends is only compared, never
    /// trusted to decode: a wrong length or a character outside base64url is simply not a signature (the decoder throws
    /// on some malformed input rather than answering false).
    /// </summary>
    public static bool Verify(string apiKey, string path, string? signature)
    {
        if (signature is null || signature.Length != SignatureLength || !signature.All(IsBase64UrlChar)) return false;
        Span<byte> presented = stackalloc byte[64];
        try
        {
            return System.Buffers.Text.Base64Url.TryDecodeFromChars(signature, presented, out var written)
                && CryptographicOperations.FixedTimeEquals(presented[..written], Mac(apiKey, path));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static byte[] Mac(string apiKey, string path) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(path));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

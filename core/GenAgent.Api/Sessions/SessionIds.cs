using System.Security.Cryptography;
using System.Text;

namespace GenAgent.Api.Sessions;

/// <summary>Session ids as the API hands them out and accepts them.</summary>
internal static class SessionIds
{
    private const int MaxLength = 100;

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// The same key always names the same session, so a retried POST finds the session the first one started.
    /// Hashed, so the id reveals nothing of the key and always fits the instance id rules.
    /// </summary>
    public static string FromIdempotencyKey(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    /// <summary>Ids become store paths and instance ids; anything outside this alphabet cannot name a session.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

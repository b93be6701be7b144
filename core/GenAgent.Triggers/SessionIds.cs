using System.Security.Cryptography;
using System.Text;

namespace GenAgent.Triggers;

/// <summary>
/// Deterministic session ids for requests that arrive more than once (redelivered events, re-processed files):
/// the same request always maps to the same orchestration instance id, and the engine starts an id only once.
/// </summary>
public static class SessionIds
{
    /// <summary>Instance ids stay well under the Azure Storage backend's limits (table row keys, blob names).</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// The id of a session requested by an event or message: the sender's id itself when it is a safe instance id,
    /// otherwise its safe characters plus a hash of the original, so two different ids never collapse into one.
    /// </summary>
    public static string FromExternalId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Length <= MaxLength && id.All(IsSafe)) return id;
        var kept = new string([.. id.Select(c => IsSafe(c) ? c : '-')]).Trim('-');
        if (kept.Length > 60) kept = kept[..60];
        var hash = Hash(id)[..16];
        return kept.Length == 0 ? $"id-{hash}" : $"{kept}-{hash}";
    }

    /// <summary>The id of the session for item <paramref name="line"/> of request file <paramref name="fileName"/>.</summary>
    public static string FromFileLine(string fileName, int line)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return $"file-{Hash($"{fileName}\n{line}")[..24]}";
    }

    // Durable instance ids may not hold '/', '\', '#', '?' or control characters; keep a conservative set.
    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace GenAgent.Core.Security;

/// <summary>
/// Replaces secrets with <c>***</c> in text built from what an upstream said (error reasons, which reach logs,
/// trajectories, report pages and the API): every secret this process was configured with, and any credential a reply
/// echoes (an <c>Authorization</c> or <c>api-key</c> value, a bearer token, an <c>sk-</c> key). The configured secrets are
/// process-wide on purpose: an error built deep inside a backend must not need the configuration passed down to it.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    // Shorter values are too likely to occur in ordinary text to be masked safely; keys are far longer.
    private const int MinSecretLength = 8;

    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);

    /// <summary>Adds configured secrets (null, empty and short values are ignored).</summary>
    public static void Register(params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (secret is { Length: >= MinSecretLength }) Secrets.TryAdd(secret.Trim(), 0);
        }
    }

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in Secrets.Keys)
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = HeaderValue().Replace(text, m => $"{m.Groups["name"].Value}{m.Groups["sep"].Value}{Mask}");
        text = Scheme().Replace(text, m => $"{m.Groups["scheme"].Value} {Mask}");
        return KeyShape().Replace(text, $"sk-{Mask}");
    }

    [GeneratedRegex(@"(?<name>\b(?:authorization|proxy-authorization|api[-_]?key|x-api-key|ocp-apim-subscription-key|access[-_]?token)\b[""']?)(?<sep>\s*[:=]\s*[""']?)(?!\*\*\*)(?:(?:bearer|basic)\s+)?[^\s""',;}]+", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderValue();

    [GeneratedRegex(@"\b(?<scheme>bearer|basic)\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\bsk-(?!\*\*\*)[A-Za-z0-9_-]{16,}")]
    private static partial Regex KeyShape();
}

using Microsoft.Extensions.Options;

namespace GenAgent.Discord;

/// <summary>
/// Checks every key at once, so a misconfigured deployment fails at start with one message that names each missing or
/// malformed key the way it is set in the environment (<c>Discord__PublicKey</c>).
/// </summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("The Discord configuration is not usable: " + string.Join(" ", problems));
    }

    /// <summary>Every problem with <paramref name="options"/>, one sentence each; empty when usable.</summary>
    public static IReadOnlyList<string> Problems(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(options.PublicKey))
        {
            problems.Add(Missing(nameof(DiscordOptions.PublicKey), "the application's public key from the Developer Portal"));
        }
        else if (options.PublicKey.Length != 64 || !IsHex(options.PublicKey))
        {
            problems.Add($"{Key(nameof(DiscordOptions.PublicKey))} must be 64 hex characters (got {options.PublicKey.Length} characters).");
        }

        if (string.IsNullOrWhiteSpace(options.ApplicationId))
        {
            problems.Add(Missing(nameof(DiscordOptions.ApplicationId), "the application id (a snowflake)"));
        }
        else if (!Snowflake.IsValid(options.ApplicationId))
        {
            problems.Add($"{Key(nameof(DiscordOptions.ApplicationId))} must be a snowflake (digits only).");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            problems.Add(Missing(nameof(DiscordOptions.BotToken), "the bot token (Developer Portal, Bot)"));
        }
        else if (options.BotToken.Any(char.IsWhiteSpace) || options.BotToken.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{Key(nameof(DiscordOptions.BotToken))} must be the bare token, without spaces or a 'Bot ' prefix.");
        }

        if (!IsAbsolute(options.ApiBaseUrl, "https", "http"))
        {
            problems.Add($"{Key(nameof(DiscordOptions.ApiBaseUrl))} must be an absolute http(s) URL such as https://discord.com/api/v10.");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl) && !IsAbsolute(options.GatewayUrl, "wss", "ws"))
        {
            problems.Add($"{Key(nameof(DiscordOptions.GatewayUrl))} must be an absolute ws(s) URL such as wss://gateway.discord.gg.");
        }

        if (!IsAbsolute(options.UserAgentUrl, "https", "http"))
        {
            problems.Add($"{Key(nameof(DiscordOptions.UserAgentUrl))} must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgentVersion))
        {
            problems.Add(Missing(nameof(DiscordOptions.UserAgentVersion), "a version for the User-Agent"));
        }

        if (options.InvalidRequestLimit is < 1 or > 10_000)
        {
            problems.Add($"{Key(nameof(DiscordOptions.InvalidRequestLimit))} must be between 1 and 10000 (Discord bans an IP at 10,000 invalid requests in 10 minutes).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            problems.Add($"{Key(nameof(DiscordOptions.MaxRetries))} must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{Key(nameof(DiscordOptions.RetryBaseDelay))} must be between 0 and 1 minute.");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero || options.MaxRateLimitWait > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{Key(nameof(DiscordOptions.MaxRateLimitWait))} must be between 0 and 10 minutes.");
        }

        return problems;
    }

    private static string Key(string property) => $"{DiscordOptions.SectionName}__{property}";

    private static string Missing(string property, string what) => $"{Key(property)} is missing: set it to {what}.";

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);

    private static bool IsAbsolute(string? value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}

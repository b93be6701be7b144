using System.Text.RegularExpressions;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Sessions.Settings;

namespace GenAgent.Discord.Sessions.Safety;

/// <summary>
/// Decides whether a session may start, and if not says why in a sentence for the user (sent as an ephemeral message).
/// Checks run cheapest-to-explain first: where, what, then how often.
/// </summary>
public sealed class SafetyPolicy(DiscordSessionsOptions options)
{
    /// <summary>Terms that make a prompt NSFW; a coarse filter, the age-restricted channel is the real boundary.</summary>
    public static readonly IReadOnlyList<string> BuiltInNsfwTerms =
    [
        "nsfw", "nude", "nudes", "nudity", "naked", "topless", "porn", "porno", "pornographic", "explicit", "sex", "sexual",
        "erotic", "hentai", "lewd", "fetish", "gore", "genitals",
    ];

    /// <summary>The refusal, or null when the session may start.</summary>
    public string? Check(SafetyCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var guild = check.Guild;
        if (guild is { AllowedChannels.Count: > 0 } && !check.IsAdmin && !guild.AllowedChannels.Contains(check.ChannelId))
            return $"GenAgent is not enabled in this channel. Try {string.Join(", ", guild.AllowedChannels.Take(5).Select(c => $"<#{c}>"))}.";

        if (guild is not null && FindTerm(check.Prompt, guild.Blocklist) is { } blocked)
            return $"Your prompt contains \"{blocked}\", which this server's admins have blocked.";

        if (FindTerm(check.Prompt, [.. BuiltInNsfwTerms, .. options.NsfwTerms]) is { } nsfw)
        {
            if (guild?.Nsfw == NsfwPolicy.Never)
                return $"Your prompt looks NSFW (\"{nsfw}\"), and this server does not allow NSFW prompts.";
            if (guild is not null && !check.ChannelNsfw)
                return $"Your prompt looks NSFW (\"{nsfw}\"); NSFW prompts only run in age-restricted channels.";
            if (guild is null)
                return $"Your prompt looks NSFW (\"{nsfw}\"); NSFW prompts only run in age-restricted server channels, not in DMs.";
        }

        if (check.IsAdmin) return null;

        var cap = guild?.MaxConcurrentPerUser ?? options.DefaultMaxConcurrentPerUser;
        if (check.RunningSessions >= cap)
            return $"You already have {check.RunningSessions} session(s) running (the limit is {cap}). Wait for one to finish or use /cancel.";

        if (guild is { CooldownSeconds: > 0 } && check.LastStart is { } last)
        {
            var wait = last.AddSeconds(guild.CooldownSeconds) - check.Now;
            if (wait > TimeSpan.Zero)
                return $"Slow down: this server has a {guild.CooldownSeconds} s cooldown; try again in {Math.Ceiling(wait.TotalSeconds):0} s.";
        }

        if (guild is { DailyQuota: { } quota } && check.GuildSessionsToday >= quota)
            return $"This server has used its {quota} sessions for today (UTC); try again tomorrow.";

        return null;
    }

    /// <summary>The first term found in <paramref name="prompt"/> as a whole word or phrase, ignoring case; null when none.</summary>
    public static string? FindTerm(string prompt, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        foreach (var term in terms)
        {
            if (string.IsNullOrWhiteSpace(term)) continue;
            var pattern = $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term.Trim())}(?![\p{{L}}\p{{N}}])";
            if (Regex.IsMatch(prompt, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                return term.Trim();
        }
        return null;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Posting;

/// <summary>
/// What the posts say: a compact embed per round, the final embed and the summary that replaces "thinking". Every text
/// comes from the model or the user, so each is cut to its own share of Discord's limits (the sum stays under 6000).
/// </summary>
public static class ProgressMessages
{
    public const int CaptionLength = 1500;
    public const int JudgmentLength = 900;
    public const int ReasoningLength = 600;
    public const int PromptLength = 1000;

    private const int RoundColor = 0x5865F2;
    private const int DoneColor = 0x57F287;
    private const int StoppedColor = 0xFEE75C;
    private const int FailedColor = 0xED4245;

    /// <summary>The embed of one round; its image is the attached file <paramref name="fileName"/> (null: no image).</summary>
    public static Embed Round(string sessionId, TurnRecord turn, int round, SessionOptions options, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        var fields = new List<EmbedField>();
        if (!string.IsNullOrWhiteSpace(turn.Judgment))
            fields.Add(new EmbedField { Name = "Judgment of the previous image", Value = TextTrim.To(turn.Judgment, JudgmentLength) });
        if (!string.IsNullOrWhiteSpace(turn.Think))
            fields.Add(new EmbedField { Name = "Reasoning (excerpt)", Value = TextTrim.To(turn.Think, ReasoningLength) });
        var action = turn.Kind == TurnKind.Edit ? "edit" : "generate";
        var title = turn.Episode > 1 ? $"Round {round} (follow-up {turn.Episode - 1})" : $"Round {round}";
        var label = turn.Kind == TurnKind.Edit ? "**Instruction**" : "**Caption**";
        return new Embed
        {
            Title = TextTrim.Line(title, DiscordLimits.EmbedTitleLength),
            Description = $"{label}\n{TextTrim.To(turn.Argument, CaptionLength)}",
            Color = RoundColor,
            Fields = fields,
            Image = fileName is null ? null : new EmbedMedia { Url = "attachment://" + fileName },
            Footer = new EmbedFooter { Text = TextTrim.Line(Footer(sessionId, turn, action, options), DiscordLimits.EmbedFooterLength) },
        };
    }

    /// <summary>The embed of one effort-high candidate: its final image, outcome, and what made it differ from the others.</summary>
    public static Embed Candidate(string sessionId, CandidateRecord candidate, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var temperature = candidate.Temperature is { } t ? t.ToString("0.##", CultureInfo.InvariantCulture) : "configured";
        return new Embed
        {
            Title = $"Candidate {candidate.Index + 1}",
            Description = TextTrim.To(
                string.Create(CultureInfo.InvariantCulture, $"{OutcomeText(candidate.Outcome)} · {candidate.ImagesUsed} image{(candidate.ImagesUsed == 1 ? "" : "s")}"),
                ReasoningLength),
            Color = RoundColor,
            Image = fileName is null ? null : new EmbedMedia { Url = "attachment://" + fileName },
            Footer = new EmbedFooter
            {
                Text = TextTrim.Line(
                    string.Create(CultureInfo.InvariantCulture, $"temperature {temperature} · seed base {candidate.SeedBase} · session {sessionId}"),
                    DiscordLimits.EmbedFooterLength),
            },
        };
    }

    /// <summary>The embed of an episode's end: the final image (<paramref name="fileName"/>, null when there is none), the verdict, the outcome.</summary>
    public static Embed Final(Trajectory trajectory, int episode, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var outcome = trajectory.Outcome ?? new Outcome(OutcomeKind.Done);
        var turns = trajectory.Turns.Where(t => t.Episode == episode).ToList();
        var rounds = turns.Count(t => t.Image is not null);
        var fields = new List<EmbedField>
        {
            new() { Name = "Outcome", Value = TextTrim.To(OutcomeText(outcome), DiscordLimits.EmbedFieldValueLength), Inline = true },
            new() { Name = "Rounds", Value = rounds.ToString(CultureInfo.InvariantCulture), Inline = true },
        };
        if (turns.LastOrDefault(t => !string.IsNullOrWhiteSpace(t.Judgment)) is { } judged)
            fields.Add(new EmbedField { Name = "Final judgment", Value = TextTrim.To(judged.Judgment, JudgmentLength) });
        if (trajectory.Comparisons is { Count: > 0 } comparisons)
            fields.Add(new EmbedField { Name = "Comparisons", Value = TextTrim.To(Comparisons(comparisons), JudgmentLength) });
        var usage = trajectory.Usage;
        return new Embed
        {
            Title = episode > 1 ? $"Final image (follow-up {episode - 1})" : "Final image",
            Description = TextTrim.To(Request(trajectory, episode), PromptLength),
            Color = ColorOf(outcome.Kind),
            Fields = fields,
            Image = fileName is null ? null : new EmbedMedia { Url = "attachment://" + fileName },
            Footer = new EmbedFooter
            {
                Text = TextTrim.Line(
                    string.Create(CultureInfo.InvariantCulture, $"images {trajectory.ImagesUsed} · tokens {usage.InputTokens} in / {usage.OutputTokens} out · session {trajectory.SessionId}"),
                    DiscordLimits.EmbedFooterLength),
            },
        };
    }

    /// <summary>The line that replaces the "thinking" message when the rounds went elsewhere (a thread, follow-ups).</summary>
    public static string Summary(Trajectory trajectory, int episode, string? threadId)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var outcome = trajectory.Outcome ?? new Outcome(OutcomeKind.Done);
        var rounds = trajectory.Turns.Count(t => t.Episode == episode && t.Image is not null);
        var where = threadId is null ? "" : $" in <#{threadId}>";
        var text = $"**{TextTrim.Line(trajectory.Prompt, 200)}**\n{OutcomeText(outcome)} after {rounds} round{(rounds == 1 ? "" : "s")}{where}.";
        return TextTrim.To(text, DiscordLimits.MessageContentLength);
    }

    /// <summary>The thread of a session is named after its prompt.</summary>
    public static string ThreadName(string prompt)
    {
        var name = TextTrim.Line(prompt, DiscordLimits.ThreadNameLength);
        return name.Length == 0 ? "GenAgent session" : name;
    }

    /// <summary>
    /// A nonce for a create that must not happen twice (Discord keeps it a few minutes with enforce_nonce): the same
    /// session, post kind and number always give the same 24 characters.
    /// </summary>
    public static string Nonce(string sessionId, string kind, int number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{sessionId}:{kind}:{number.ToString(CultureInfo.InvariantCulture)}"));
        return Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>One line per match, candidates numbered from 1 as in their posts: who met whom, who won, and why.</summary>
    private static string Comparisons(IReadOnlyList<ComparisonRecord> comparisons) => string.Join("\n", comparisons.Select(m =>
    {
        var why = m.Fallback ? "no verdict; fewer images won" : TextTrim.Line(m.Reasoning ?? "", 200);
        return string.Create(CultureInfo.InvariantCulture, $"{m.CandidateA + 1} vs {m.CandidateB + 1} → **{m.Winner + 1}**{(why.Length == 0 ? "" : ": " + why)}");
    }));

    private static string Request(Trajectory trajectory, int episode)
    {
        var followUp = trajectory.FollowUps.LastOrDefault(f => f.Episode == episode);
        return followUp is null ? $"**Prompt:** {trajectory.Prompt}" : $"**Follow-up:** {followUp.Text}\n**Prompt:** {trajectory.Prompt}";
    }

    private static string Footer(string sessionId, TurnRecord turn, string action, SessionOptions options) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{action} · seed {turn.Seed?.ToString(CultureInfo.InvariantCulture) ?? "-"} · {options.Width}x{options.Height} · effort {options.Effort.ToString().ToLowerInvariant()} · turn {turn.Index} · session {sessionId}");

    private static string OutcomeText(Outcome outcome)
    {
        var label = outcome.Kind switch
        {
            OutcomeKind.Done => "Done",
            OutcomeKind.ImageBudgetReached => "Image budget reached",
            OutcomeKind.TurnBudgetReached => "Turn budget reached",
            OutcomeKind.CostBudgetReached => "Cost budget reached",
            OutcomeKind.Cancelled => "Stopped",
            OutcomeKind.Failed => "Failed",
            OutcomeKind.Fallback => "Fallback image",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Kind, "Unknown outcome."),
        };
        return string.IsNullOrWhiteSpace(outcome.Reason) ? label : $"{label}: {outcome.Reason}";
    }

    private static int ColorOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => DoneColor,
        OutcomeKind.Failed => FailedColor,
        _ => StoppedColor,
    };
}

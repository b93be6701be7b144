using System.Text.RegularExpressions;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Judging;

/// <summary>
/// Reads a pairwise verdict from a model reply, tolerating what models write around the answer: a missing closing
/// tag, "Image B", "**A**.", "first"/"second", or no answer tag but a closing "Answer: B" line. A reply that names
/// no winner, or both, has no verdict: the caller corrects the model once and then falls back.
/// </summary>
public static partial class ComparisonParser
{
    public static ComparisonVerdict? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var segments = ReplyTags.Split(text);
        var reasoning = segments.FirstOrDefault(s => s.Tag == ReplyTags.Think)?.Content.Trim()
            ?? segments.FirstOrDefault(s => s.Tag == ReplyTags.Judge)?.Content.Trim();

        var answers = segments.Where(s => s.Tag == ReplyTags.Answer).ToList();
        ComparisonChoice? winner;
        if (answers.Count > 0)
        {
            // Only the last answer counts: models sometimes restate the format before answering.
            winner = Choice(answers[^1].Content);
        }
        else
        {
            var labelled = AnswerLine().Matches(text);
            winner = labelled.Count > 0 ? Choice(labelled[^1].Groups["choice"].Value) : null;
            reasoning ??= labelled.Count > 0 ? NullIfEmpty(text[..labelled[^1].Index]) : null;
        }

        return winner is { } w ? new ComparisonVerdict(w, string.IsNullOrEmpty(reasoning) ? null : reasoning) : null;
    }

    private static ComparisonChoice? Choice(string raw)
    {
        var word = Noise().Replace(raw, " ").Trim().ToUpperInvariant();
        if (word.StartsWith("IMAGE ", StringComparison.Ordinal)) word = word["IMAGE ".Length..].Trim();
        else if (word.StartsWith("CANDIDATE ", StringComparison.Ordinal)) word = word["CANDIDATE ".Length..].Trim();
        else if (word.StartsWith("OPTION ", StringComparison.Ordinal)) word = word["OPTION ".Length..].Trim();
        return word switch
        {
            "A" or "1" or "FIRST" => ComparisonChoice.A,
            "B" or "2" or "SECOND" => ComparisonChoice.B,
            _ => null,
        };
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"[\s*_`""'.,:;!()\[\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex Noise();

    [GeneratedRegex(@"\b(?:final\s+answer|answer|winner|verdict|choice)\s*(?:is)?\s*[:=-]?\s*\**\s*(?<choice>(?:image\s+)?(?-i:[AB]))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerLine();
}

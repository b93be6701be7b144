using System.Globalization;
using System.Text.RegularExpressions;

namespace GenAgent.Core.Judging.Wise;

/// <summary>
/// The legacy WISE reply: three lines such as <c>Consistency: 2</c>, <c>Realism: 1</c>, <c>Aesthetic Quality: 2</c>,
/// each 0-2, read wherever they stand in the reply (bold markers and case ignored).
/// WiScore = (0.7 C + 0.2 R + 0.1 A) / 2, in [0, 1].
/// </summary>
public sealed partial record WiseRubric(int Consistency, int Realism, int Aesthetic)
{
    public double WiScore => (0.7 * Consistency + 0.2 * Realism + 0.1 * Aesthetic) / 2;

    /// <summary>The three scores, or null when any is missing or outside 0-2 (the original rejects such a run).</summary>
    public static WiseRubric? TryParse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply)) return null;
        var consistency = Score(ConsistencyLine(), reply);
        var realism = Score(RealismLine(), reply);
        var aesthetic = Score(AestheticLine(), reply);
        return consistency is { } c && realism is { } r && aesthetic is { } a ? new WiseRubric(c, r, a) : null;
    }

    private static int? Score(Regex line, string reply)
    {
        var match = line.Match(reply);
        return match.Success && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 2 ? n : null;
    }

    [GeneratedRegex(@"consistency\W{0,4}:\W{0,4}(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ConsistencyLine();

    [GeneratedRegex(@"realism\W{0,4}:\W{0,4}(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex RealismLine();

    [GeneratedRegex(@"aesthetic(?:\s+quality)?\W{0,4}:\W{0,4}(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex AestheticLine();
}

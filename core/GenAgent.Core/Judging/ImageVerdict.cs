namespace GenAgent.Core.Judging;

/// <summary>
/// A judge's answer: whether the image passes, and each check with what was expected and what was found.
/// <see cref="Score"/> is the judge's graded score in [0, 1] when it grades (WISE's WiScore); pass/fail judges leave it
/// null and score 1 or 0. <see cref="Unparsed"/> marks a reply the judge's protocol could not read (scored as failing).
/// </summary>
public sealed record ImageVerdict(bool Pass, IReadOnlyList<CheckOutcome> Checks, string Judge)
{
    public double? Score { get; init; }

    public bool Unparsed { get; init; }

    /// <summary>The number a benchmark averages: the graded score, else 1 for a pass and 0 for a fail.</summary>
    public double Value => Score ?? (Pass ? 1 : 0);

    /// <summary>Tokens the judge's model spent on this verdict (0 for offline judges).</summary>
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }
}

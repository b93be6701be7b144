namespace GenAgent.Sketch;

/// <summary>
/// One failed check on group <see cref="GroupIndex"/> of the checklist (-1 for an exclude rule).
/// <see cref="Expected"/> and <see cref="Found"/> are counts for count failures and the number of instances
/// checked and failing otherwise; <see cref="FoundColor"/> is the wrong color seen, when there is one.
/// </summary>
public sealed record JudgeFailure(JudgeFailureKind Kind, int GroupIndex, string Class, int Expected, int Found, string Message, string? FoundColor = null);

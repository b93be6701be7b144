namespace GenAgent.Core.Judging;

/// <summary>A judge's answer: whether the image passes, and each check with what was expected and what was found.</summary>
public sealed record ImageVerdict(bool Pass, IReadOnlyList<CheckOutcome> Checks, string Judge);

namespace GenAgent.Core.Judging;

/// <summary>One check of a verdict, e.g. count / "3 red clocks" / "2 red clocks" / failed.</summary>
public sealed record CheckOutcome(string Check, string Expected, string Found, bool Pass);

namespace GenAgent.Triggers.Events;

/// <summary>The body of a 200 or all-failed 400 answer to a delivery: counts and one result per event, in order.</summary>
public sealed record EventBatchReport(int Started, int Duplicates, int Ignored, int Failed, IReadOnlyList<EventResult> Events);

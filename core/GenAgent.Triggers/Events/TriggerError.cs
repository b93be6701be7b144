namespace GenAgent.Triggers.Events;

/// <summary>The body of a 400 that rejects a whole delivery (not JSON, not events).</summary>
public sealed record TriggerError(string Error);

namespace GenAgent.Triggers.Queues;

/// <summary>What became of one queue message: the session it requested, or the reason it was poisoned.</summary>
public sealed record QueueMessageResult(QueueMessageOutcome Outcome, string? SessionId, string? Reason = null);

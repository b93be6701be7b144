namespace GenAgent.Triggers.Queues;

/// <summary>What the poison queue holds: why the message was given up on, and the message as it arrived.</summary>
public sealed record PoisonEnvelope(string Reason, string Original, string MessageId, long DequeueCount, DateTimeOffset PoisonedAt);

namespace GenAgent.Triggers.Retention;

/// <summary>What one retention run removed. <see cref="InstancesPurged"/> is null when no history purger is configured.</summary>
public sealed record RetentionResult(DateTimeOffset Cutoff, int SessionsDeleted, int BlobsDeleted, int? InstancesPurged);

namespace GenAgent.GpuWorker.Batching;

/// <summary>One model's batching limits: the model's max batch capped by configuration, the queue bound, the wait window.</summary>
public sealed record BatchSettings(int MaxBatch, int MaxQueue, TimeSpan MaxWait, TimeSpan RetryAfter);

namespace GenAgent.GpuWorker.Batching;

/// <summary>
/// What requests must share to coalesce: a pipeline call has one width and height, and text-to-image and
/// image-to-image run different loops. Jobs that differ in steps or guidance still share a call (the pipeline
/// splits them into sub-batches).
/// </summary>
public readonly record struct BatchKey(BatchMode Mode, int Width, int Height);

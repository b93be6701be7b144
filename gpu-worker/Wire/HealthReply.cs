namespace GenAgent.GpuWorker.Wire;

/// <summary><c>GET /health</c>: the provider in use (and why not CUDA), every model with its limits and queue, the judges.</summary>
internal sealed record HealthReply(
    string Status,
    string Provider,
    string Policy,
    string? FallbackReason,
    IReadOnlyList<ModelHealth> Models,
    string? ClipJudge,
    OcrHealth Ocr);

internal sealed record ModelHealth(
    string Name,
    string Kind,
    ModelLimits Limits,
    long FileBytes,
    long WorkingSetBytes,
    int QueueDepth,
    int MaxQueue,
    long Batches,
    long ImagesRun,
    long LargestBatch,
    long CancelledInQueue,
    long DroppedFromBatch,
    long Rejected,
    long FailedBatches);

internal sealed record ModelLimits(
    int DefaultWidth,
    int DefaultHeight,
    int SizeMultiple,
    int MaxWidth,
    int MaxHeight,
    int MaxBatch,
    int DefaultSteps,
    bool SupportsEdit);

internal sealed record OcrHealth(bool Loaded, string? Reason);

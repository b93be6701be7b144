using GenAgent.GpuWorker.Batching;
using Microsoft.Extensions.Logging;

namespace GenAgent.GpuWorker;

internal static partial class Logs
{
    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Model {Model} ready: {Kind}, default {Width}x{Height}, max batch {MaxBatch}")]
    public static partial void ModelReady(ILogger logger, string model, string kind, int width, int height, int maxBatch);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "OCR text judge loaded from {Folder}")]
    public static partial void OcrLoaded(ILogger logger, string folder);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "OCR text judge not loaded: {Reason}")]
    public static partial void OcrMissing(ILogger logger, string reason);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Debug, Message = "Model {Model}: batch of {Size} at {Width}x{Height} ({Mode})")]
    public static partial void BatchStarting(ILogger logger, string model, int size, int width, int height, BatchMode mode);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Error, Message = "Model {Model}: a batch of {Size} failed")]
    public static partial void BatchFailed(ILogger logger, Exception exception, string model, int size);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Debug, Message = "Model {Model}: a queued image was cancelled before it ran")]
    public static partial void JobCancelledInQueue(ILogger logger, string model);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Debug, Message = "Model {Model}: a client left while its batch ran; its slot is dropped")]
    public static partial void JobDroppedFromBatch(ILogger logger, string model);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Debug, Message = "Model {Model}: batcher stopped")]
    public static partial void BatcherStopped(ILogger logger, string model);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Information, Message = "{Endpoint}: {Status} ({Code}) {Message}")]
    public static partial void RequestRefused(ILogger logger, string endpoint, int status, string code, string message);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "{Endpoint}: request timed out after {Seconds} s")]
    public static partial void RequestTimedOut(ILogger logger, string endpoint, double seconds);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Error, Message = "{Endpoint}: generation failed")]
    public static partial void GenerationFailed(ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(EventId = 6023, Level = LogLevel.Trace, Message = "{Endpoint}: prompt '{Prompt}'")]
    public static partial void PromptReceived(ILogger logger, string endpoint, string prompt);
}

using Microsoft.Extensions.Logging;

namespace GenAgent.Inference;

internal static partial class Logs
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "ONNX Runtime provider policy {Policy}: active provider {Provider}")]
    public static partial void ProviderSelected(ILogger logger, string policy, string provider);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Falling back to the CPU execution provider: {Reason}")]
    public static partial void CudaFallback(ILogger logger, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Loaded model {Model} ({Kind}) from {Manifest}: {FileBytes} bytes of model files, working set +{WorkingSetDelta} bytes")]
    public static partial void ModelLoaded(ILogger logger, string model, string kind, string manifest, long fileBytes, long workingSetDelta);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Warmed up {Model} in {ElapsedMs} ms")]
    public static partial void ModelWarmedUp(ILogger logger, string model, double elapsedMs);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "{Model}: batch of {BatchSize} at {Width}x{Height}, {Steps} steps")]
    public static partial void BatchStarted(ILogger logger, string model, int batchSize, int width, int height, int steps);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Trace, Message = "{Model}: prompt {Prompt}")]
    public static partial void Prompt(ILogger logger, string model, string prompt);
}

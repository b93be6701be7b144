using Microsoft.Extensions.Logging;

namespace GenAgent.Ocr;

internal static partial class Logs
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "OCR models loaded: detection {Detection}, recognition {Recognition} ({Classes} classes), classifier {Classifier}")]
    public static partial void ModelsLoaded(ILogger logger, string detection, string recognition, int classes, string classifier);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "OCR read a {Width}x{Height} image: {Regions} regions, {Lines} lines in {ElapsedMs} ms")]
    public static partial void ImageRead(ILogger logger, int width, int height, int regions, int lines, long elapsedMs);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Trace, Message = "OCR line {Index}: '{Text}' ({Confidence})")]
    public static partial void LineRead(ILogger logger, int index, string text, float confidence);
}

using GenAgent.Triggers.Events;
using Microsoft.Extensions.Logging;

namespace GenAgent.Triggers;

internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Information, "Request file {FileName}: {New} new sessions of {Total}, {Broken} broken requests")]
    public static partial void RequestFileStarted(this ILogger logger, string fileName, int @new, int total, int broken);

    [LoggerMessage(2, LogLevel.Information, "Request file {FileName}: results of {Count} sessions written")]
    public static partial void RequestFileCollected(this ILogger logger, string fileName, int count);

    [LoggerMessage(3, LogLevel.Information, "Event delivery: {Started} started, {Duplicates} duplicates, {Ignored} ignored, {Failed} failed")]
    public static partial void EventsHandled(this ILogger logger, int started, int duplicates, int ignored, int failed);

    [LoggerMessage(4, LogLevel.Warning, "Event {EventId} of type {EventType} failed: {Reason}")]
    public static partial void EventFailed(this ILogger logger, string eventId, string eventType, string? reason);

    [LoggerMessage(5, LogLevel.Warning, "Queue message {MessageId} moved to the poison queue: {Reason}")]
    public static partial void MessagePoisoned(this ILogger logger, string messageId, string reason);

    [LoggerMessage(6, LogLevel.Information, "Queue message {MessageId} requested session {SessionId}")]
    public static partial void MessageStarted(this ILogger logger, string messageId, string sessionId);

    [LoggerMessage(7, LogLevel.Information, "Retention: {Sessions} sessions ({Blobs} blobs) older than {Cutoff} deleted, {Instances} orchestration instances purged")]
    public static partial void RetentionPurged(this ILogger logger, int sessions, int blobs, DateTimeOffset cutoff, int instances);

    [LoggerMessage(8, LogLevel.Information, "Usage of {Day}: {Sessions} sessions, {Images} images")]
    public static partial void UsageRolledUp(this ILogger logger, DateOnly day, int sessions, int images);

    [LoggerMessage(9, LogLevel.Debug, "Event {EventId} disposition {Disposition}")]
    public static partial void EventHandled(this ILogger logger, string eventId, EventDisposition disposition);
}

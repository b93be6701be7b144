using Microsoft.Extensions.Logging;

namespace GenAgent.Discord.Sessions.Chat;

internal static partial class ChatLogs
{
    [LoggerMessage(4201, LogLevel.Information, "Gateway ready as {BotId}; answering mentions and DMs")]
    public static partial void Ready(this ILogger logger, string botId);

    [LoggerMessage(4202, LogLevel.Information, "Message {MessageId} from {UserId} started session {SessionId}")]
    public static partial void ChatStarted(this ILogger logger, string messageId, string userId, string sessionId);

    [LoggerMessage(4203, LogLevel.Information, "Message {MessageId} from {UserId} refused: {Reason}")]
    public static partial void ChatRefused(this ILogger logger, string messageId, string userId, string reason);

    [LoggerMessage(4204, LogLevel.Information, "Reply {MessageId} in thread {ThreadId} continues session {SessionId}")]
    public static partial void FollowUpSent(this ILogger logger, string messageId, string threadId, string sessionId);

    [LoggerMessage(4205, LogLevel.Debug, "Message {MessageId} in thread {ThreadId} has no readable text (MESSAGE_CONTENT intent off?); ignored")]
    public static partial void EmptyReply(this ILogger logger, string messageId, string threadId);

    [LoggerMessage(4206, LogLevel.Warning, "Could not read channel {ChannelId} ({Status} {Code}); treating it as not age-restricted")]
    public static partial void ChannelUnknown(this ILogger logger, Exception exception, string channelId, int status, int? code);
}

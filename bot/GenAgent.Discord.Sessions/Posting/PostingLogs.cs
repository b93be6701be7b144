using Microsoft.Extensions.Logging;

namespace GenAgent.Discord.Sessions.Posting;

internal static partial class PostingLogs
{
    [LoggerMessage(4101, LogLevel.Information, "Session {SessionId}: round {Round} (turn {Turn}) posted as message {MessageId}")]
    public static partial void RoundPosted(this ILogger logger, string sessionId, int round, int turn, string messageId);

    [LoggerMessage(4102, LogLevel.Information, "Session {SessionId}: turn {Turn} was already posted as message {MessageId}; edited it instead")]
    public static partial void RoundEdited(this ILogger logger, string sessionId, int turn, string messageId);

    [LoggerMessage(4103, LogLevel.Information, "Session {SessionId}: final of episode {Episode} posted as message {MessageId}")]
    public static partial void FinalPosted(this ILogger logger, string sessionId, int episode, string messageId);

    [LoggerMessage(4104, LogLevel.Information, "Session {SessionId}: rounds go to thread {ThreadId}")]
    public static partial void ThreadStarted(this ILogger logger, string sessionId, string threadId);

    [LoggerMessage(4105, LogLevel.Warning, "Session {SessionId}: could not start a thread ({Status} {Code}); posting in the channel instead")]
    public static partial void ThreadFailed(this ILogger logger, Exception exception, string sessionId, int status, int? code);

    [LoggerMessage(4106, LogLevel.Information, "Session {SessionId}: the interaction token expired; posting with the bot token from now on")]
    public static partial void TokenExpired(this ILogger logger, string sessionId);

    [LoggerMessage(4107, LogLevel.Warning, "Session {SessionId}: Discord found the image too large at {Bytes} bytes; shrinking it once more")]
    public static partial void ImageRejected(this ILogger logger, string sessionId, int bytes);

    [LoggerMessage(4108, LogLevel.Warning, "Session {SessionId}: private session whose interaction token expired; nothing is posted publicly")]
    public static partial void PrivateExpired(this ILogger logger, string sessionId);

    [LoggerMessage(4109, LogLevel.Warning, "Session {SessionId}: could not edit message {MessageId} ({Status} {Code}); left as it is")]
    public static partial void EditFailed(this ILogger logger, Exception exception, string sessionId, string messageId, int status, int? code);

    [LoggerMessage(4110, LogLevel.Debug, "Session {SessionId}: update for turn {Turn} carries no new image; nothing to post")]
    public static partial void NothingToPost(this ILogger logger, string sessionId, int turn);

    [LoggerMessage(4111, LogLevel.Warning, "Session {SessionId}: image {Key} is missing from the store; posting without it")]
    public static partial void ImageMissing(this ILogger logger, string sessionId, string key);

    [LoggerMessage(4112, LogLevel.Information, "Session {SessionId}: Discord rationed this interaction's follow-ups (40094); the rest is shown on the thinking message")]
    public static partial void FollowUpsRationed(this ILogger logger, string sessionId);

    [LoggerMessage(4113, LogLevel.Warning, "Session {SessionId}: the interaction token expired where only the user's install reached (no bot in the channel); nothing more is posted")]
    public static partial void NoBotInChannel(this ILogger logger, string sessionId);
}

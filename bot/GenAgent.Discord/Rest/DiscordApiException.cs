namespace GenAgent.Discord.Rest;

/// <summary>A REST call Discord refused (or that kept failing after the bounded retries).</summary>
public class DiscordApiException : DiscordException
{
    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordApiException(int httpStatus, int? code, string message, string? route = null, bool isWebhookRoute = false, Exception? innerException = null)
        : base(message, innerException!)
    {
        HttpStatus = httpStatus;
        Code = code;
        Route = route;
        IsWebhookRoute = isWebhookRoute;
    }

    /// <summary>The HTTP status; 0 when no response came back at all.</summary>
    public int HttpStatus { get; }

    /// <summary>Discord's JSON error code, e.g. 50027 Invalid Webhook Token, 10062 Unknown interaction.</summary>
    public int? Code { get; }

    /// <summary>The route template, e.g. <c>PATCH /webhooks/{application}/{token}/messages/@original</c>.</summary>
    public string? Route { get; }

    /// <summary>Whether the call used an interaction token instead of the bot token.</summary>
    public bool IsWebhookRoute { get; }

    /// <summary>
    /// The interaction token no longer works (15 minutes passed, or the interaction is gone): post with the bot token in
    /// the channel instead. Only Discord's token codes (50027, 10015, 10062) or a bare 401 on a token route mean that; a
    /// 404 "Unknown message" (10008) means the message is gone (a user dismissed "thinking..."), and the token still works.
    /// </summary>
    public bool IsExpiredInteractionToken =>
        Code == DiscordErrorCodes.InvalidWebhookToken
        || (IsWebhookRoute && (Code is DiscordErrorCodes.UnknownWebhook or DiscordErrorCodes.UnknownInteraction || (HttpStatus == 401 && Code is null)));

    public bool IsUnknownMessage => Code == DiscordErrorCodes.UnknownMessage;

    public bool IsTooLarge => HttpStatus == 413 || Code == DiscordErrorCodes.RequestEntityTooLarge;
}

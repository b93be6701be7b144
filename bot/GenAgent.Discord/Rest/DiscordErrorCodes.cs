namespace GenAgent.Discord.Rest;

/// <summary>The JSON error codes this client and its callers act on.</summary>
public static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
    public const int InvalidWebhookToken = 50027;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int RequestEntityTooLarge = 40005;
    public const int ThreadAlreadyCreated = 160004;

    /// <summary>An interaction of an app installed by a user, outside servers that installed it, has used its 5 follow-ups.</summary>
    public const int MaxFollowUps = 40094;
}

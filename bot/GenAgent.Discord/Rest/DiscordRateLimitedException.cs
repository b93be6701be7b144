namespace GenAgent.Discord.Rest;

/// <summary>Rate limited for longer than <see cref="DiscordOptions.MaxRateLimitWait"/>, or past the retry budget.</summary>
public sealed class DiscordRateLimitedException : DiscordApiException
{
    public DiscordRateLimitedException()
    {
    }

    public DiscordRateLimitedException(string message)
        : base(message)
    {
    }

    public DiscordRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordRateLimitedException(string message, TimeSpan retryAfter, bool global, string route, bool isWebhookRoute)
        : base(429, null, message, route, isWebhookRoute)
    {
        RetryAfter = retryAfter;
        Global = global;
    }

    public TimeSpan RetryAfter { get; }

    public bool Global { get; }
}

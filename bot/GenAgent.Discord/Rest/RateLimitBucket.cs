namespace GenAgent.Discord.Rest;

/// <summary>
/// One rate-limit bucket for one major resource. Requests in it go one at a time (the gate), so each sees the headers
/// of the response before it and never races past a Remaining of 0.
/// </summary>
internal sealed class RateLimitBucket(string key)
{
    public string Key { get; } = key;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Null until a response said.</summary>
    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }
}

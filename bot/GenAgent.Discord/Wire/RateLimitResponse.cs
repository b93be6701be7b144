namespace GenAgent.Discord.Wire;

/// <summary>The body of a 429.</summary>
public sealed record RateLimitResponse
{
    public string? Message { get; init; }

    /// <summary>Seconds, fractional.</summary>
    public double RetryAfter { get; init; }
    public bool Global { get; init; }
    public int? Code { get; init; }
}

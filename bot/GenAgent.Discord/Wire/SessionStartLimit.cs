namespace GenAgent.Discord.Wire;

public sealed record SessionStartLimit
{
    public int Total { get; init; }
    public int Remaining { get; init; }

    /// <summary>Milliseconds until the limit resets.</summary>
    public long ResetAfter { get; init; }

    /// <summary>IDENTIFYs allowed per 5 seconds.</summary>
    public int MaxConcurrency { get; init; } = 1;
}

using System.ComponentModel.DataAnnotations;

namespace GenAgent.Workflow;

/// <summary>How the workflow retries tool and model calls that failed transiently: exponential backoff on orchestration timers.</summary>
public sealed record WorkflowOptions
{
    /// <summary>Attempts in total, the first call included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    [Range(1.0, 10.0)]
    public double BackoffCoefficient { get; init; } = 2.0;

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 = the first retry).</summary>
    public TimeSpan DelayBeforeRetry(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var delay = FirstRetryDelay.TotalMilliseconds * Math.Pow(BackoffCoefficient, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }
}

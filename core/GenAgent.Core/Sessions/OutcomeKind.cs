namespace GenAgent.Core.Sessions;

public enum OutcomeKind
{
    Done,
    ImageBudgetReached,
    TurnBudgetReached,
    Cancelled,
    Failed,
    /// <summary>The session spent its tool-seconds or token budget (<see cref="SessionOptions.MaxToolSeconds"/>, <see cref="SessionOptions.MaxTokens"/>).</summary>
    CostBudgetReached,
    /// <summary>
    /// No trajectory attempt produced an image, so the final image is one direct generation from the raw prompt, as the
    /// reference client does; the reason lists why each attempt failed.
    /// </summary>
    Fallback,
}

/// <summary>How a session ended; <see cref="Reason"/> says why when it did not end with <see cref="OutcomeKind.Done"/>.</summary>
public sealed record Outcome(OutcomeKind Kind, string? Reason = null);

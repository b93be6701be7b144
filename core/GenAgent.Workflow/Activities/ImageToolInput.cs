using GenAgent.Core.Images;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// A generation (<see cref="Source"/> null) or edit call. <see cref="SessionId"/> and <see cref="Turn"/> are the
/// idempotency key: the result is stored under <see cref="SessionKeys.TurnImage"/>.
/// </summary>
/// <see cref="NegativePrompt"/> is the session's, for backends that take one.
public sealed record ImageToolInput(string SessionId, int Turn, string Argument, int Width, int Height, long Seed, ImageRef? Source = null, string? NegativePrompt = null)
{
    /// <summary>
    /// The tool call's identity, the same in every re-run of this turn's activity (after a crash or a retry), so a backend
    /// that honours <c>Idempotency-Key</c> runs it once. It names the turn's image, which is unique per session and turn.
    /// </summary>
    public string IdempotencyKey => $"genagent:{SessionKeys.TurnImage(SessionId, Turn)}";
}

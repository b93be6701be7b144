using GenAgent.Core.Images;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// A generation (<see cref="Source"/> null) or edit call. <see cref="SessionId"/> and <see cref="Turn"/> are the
/// idempotency key: the result is stored under <see cref="SessionKeys.TurnImage"/>.
/// </summary>
public sealed record ImageToolInput(string SessionId, int Turn, string Argument, int Width, int Height, long Seed, ImageRef? Source = null);

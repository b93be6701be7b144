using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Progress;

/// <summary>
/// Hears about each step of a session (a chat bot posts it, a UI redraws). A replay after a crash can deliver the same
/// update twice; <see cref="SessionProgress.Turn"/> with the session id identifies it.
/// </summary>
public interface ISessionObserver
{
    Task OnProgressAsync(string sessionId, SessionProgress progress, Trajectory trajectory, CancellationToken cancellationToken = default);
}

using GenAgent.Core.Sessions;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Progress;

/// <summary>Tells every observer of one update, from the activities that publish progress and finish episodes.</summary>
internal static class SessionObservers
{
    public static async Task NotifyAsync(
        IEnumerable<ISessionObserver> observers, string sessionId, SessionProgress progress, Trajectory trajectory, ILogger logger)
    {
        foreach (var observer in observers)
        {
            // Progress is advisory: an observer that is down (a chat bot offline) must not fail the session.
            try
            {
                await observer.OnProgressAsync(sessionId, progress, trajectory).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.ObserverFailed(ex, sessionId, observer.GetType().Name);
            }
        }
    }
}

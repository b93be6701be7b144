using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Engine;

/// <summary>
/// Starts and observes agent sessions on a Durable Task backend: the in-process engine
/// (<see cref="InProcessSessionEngine"/>) or the Azure Storage engine (<see cref="AzureStorageSessionEngine"/>).
/// The orchestrations and activities are the same on both.
/// </summary>
public interface ISessionEngine : IAsyncDisposable
{
    /// <summary>Starts a session; <paramref name="sessionId"/> defaults to a new id. Returns the session id.</summary>
    Task<string> StartAsync(SessionRequest request, string? sessionId = null, CancellationToken cancellationToken = default);

    /// <summary>The session's state now, or null when no such session exists.</summary>
    Task<SessionSnapshot?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the session ends, reporting each change of progress.</summary>
    Task<SessionSnapshot> WaitForCompletionAsync(string sessionId, IProgress<SessionProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Asks the session to stop after its current step; it ends with <see cref="OutcomeKind.Cancelled"/>.</summary>
    Task CancelAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Sends a user's follow-up message ("make it snowy") to a session; it continues with a new episode.</summary>
    Task SendFollowUpAsync(string sessionId, string text, CancellationToken cancellationToken = default);
}

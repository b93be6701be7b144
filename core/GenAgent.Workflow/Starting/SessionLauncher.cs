using GenAgent.Core.Quotas;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Quotas;

namespace GenAgent.Workflow.Starting;

/// <summary>
/// How every front door starts a session (the API, the cloud-event, queue and request-file triggers): a session id
/// that already exists starts nothing (a retried POST, a redelivered event); otherwise an admission slot is taken
/// (refused slots sweep first), the request is prepared only then (so a refused start stores no input image), and the
/// slot goes back when the start fails. Ended sessions give their slots back through the sweep.
/// </summary>
public sealed class SessionLauncher(ISessionEngine engine, ISessionAdmission? admission = null)
{
    /// <param name="userId">Whose per-user cap applies; null for starts with no user (cloud events, queues, files), which count globally.</param>
    /// <param name="prepare">Builds the request once the slot is held (stores the input image, for instance).</param>
    public async Task<LaunchOutcome> LaunchAsync(
        string sessionId, string? userId, Func<CancellationToken, Task<SessionRequest>> prepare, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(prepare);
        if (await engine.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) is not null) return LaunchOutcome.Existing;

        if (admission is not null)
        {
            var admitted = await admission.TryAdmitSweepingAsync(engine, userId, sessionId, cancellationToken).ConfigureAwait(false);
            if (!admitted.Admitted) return LaunchOutcome.RefusedBy(admitted);
        }

        try
        {
            await engine.StartAsync(await prepare(cancellationToken).ConfigureAwait(false), sessionId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing started, so the slot goes back at once.
            if (admission is not null) await admission.ReleaseAsync(userId, sessionId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return LaunchOutcome.Started;
    }

    /// <summary>The same for a request that needs no preparation.</summary>
    public Task<LaunchOutcome> LaunchAsync(string sessionId, string? userId, SessionRequest request, CancellationToken cancellationToken = default) =>
        LaunchAsync(sessionId, userId, _ => Task.FromResult(request), cancellationToken);
}

/// <summary>What <see cref="SessionLauncher.LaunchAsync(string, string?, Func{CancellationToken, Task{SessionRequest}}, CancellationToken)"/> did.</summary>
public sealed record LaunchOutcome(LaunchStatus Status, AdmissionResult? Refusal = null)
{
    public static LaunchOutcome Started { get; } = new(LaunchStatus.Started);

    public static LaunchOutcome Existing { get; } = new(LaunchStatus.Existing);

    public static LaunchOutcome RefusedBy(AdmissionResult refusal) => new(LaunchStatus.Refused, refusal);
}

public enum LaunchStatus
{
    /// <summary>A new session started.</summary>
    Started,

    /// <summary>A session with this id exists already; nothing started.</summary>
    Existing,

    /// <summary>A cap or the kill switch refused it; nothing started, no slot is held.</summary>
    Refused,
}

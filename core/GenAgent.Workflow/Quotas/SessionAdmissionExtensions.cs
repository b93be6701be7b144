using GenAgent.Core.Quotas;
using GenAgent.Workflow.Engine;

namespace GenAgent.Workflow.Quotas;

/// <summary>
/// The two ways a slot taken with <see cref="ISessionAdmission.TryAdmitAsync"/> is given back. A long-lived host (the
/// self-host) waits for each session it started; a host whose instances come and go (Functions) also sweeps on a timer,
/// which frees the slots whose waiter was lost. Both are safe together: releasing is idempotent.
/// </summary>
public static class SessionAdmissionExtensions
{
    /// <summary>
    /// Waits until the session ends, with any outcome, and frees its slot. A session that waits for follow-ups keeps
    /// its slot until its window closes. Cancelling the wait (the host stops) keeps the slot: the session goes on
    /// running durably, and the sweep frees the slot once it has ended.
    /// </summary>
    public static async Task ReleaseWhenCompletedAsync(
        this ISessionAdmission admission, ISessionEngine engine, string? userId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admission);
        ArgumentNullException.ThrowIfNull(engine);
        await engine.WaitForCompletionAsync(sessionId, progress: null, cancellationToken).ConfigureAwait(false);
        await admission.ReleaseAsync(userId, sessionId, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Admits the session; when a cap refuses it, first gives back the slots of sessions that have ended and asks once
    /// more. So a host needs no frequent sweep timer (Functions sweeps hourly and is idle in between), and no user waits
    /// on a slot whose session already ended.
    /// </summary>
    public static async Task<AdmissionResult> TryAdmitSweepingAsync(
        this ISessionAdmission admission, ISessionEngine engine, string? userId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admission);
        var admitted = await admission.TryAdmitAsync(userId, sessionId, cancellationToken).ConfigureAwait(false);
        if (admitted.Admitted || admission is not IAdmissionLedger) return admitted;
        var released = await admission.ReleaseEndedSessionsAsync(engine, cancellationToken: cancellationToken).ConfigureAwait(false);
        return released.Count == 0 ? admitted : await admission.TryAdmitAsync(userId, sessionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long a session may hold a slot unknown to the engine: the time between admission and start.</summary>
    public static readonly TimeSpan DefaultStartGrace = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Frees the slot of every admitted session that has ended, or that the engine has not known for longer than
    /// <paramref name="startGrace"/> since admission (purged, or starting failed after admission; within the grace
    /// it may be starting right now). Returns the ids released.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReleaseEndedSessionsAsync(
        this ISessionAdmission admission, ISessionEngine engine, TimeSpan? startGrace = null, TimeProvider? clock = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admission);
        ArgumentNullException.ThrowIfNull(engine);
        if (admission is not IAdmissionLedger ledger)
            throw new NotSupportedException($"{admission.GetType().Name} keeps no list of admitted sessions to sweep.");

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var grace = startGrace ?? DefaultStartGrace;
        var released = new List<string>();
        foreach (var session in await ledger.ListAdmittedAsync(cancellationToken).ConfigureAwait(false))
        {
            var snapshot = await engine.GetAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
            if (snapshot?.Status is SessionRuntimeStatus.Pending or SessionRuntimeStatus.Running) continue;
            if (snapshot is null && now - session.AdmittedAt < grace) continue;
            await admission.ReleaseAsync(session.UserId, session.SessionId, cancellationToken).ConfigureAwait(false);
            released.Add(session.SessionId);
        }
        return released;
    }
}

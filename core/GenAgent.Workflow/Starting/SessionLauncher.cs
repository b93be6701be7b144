using GenAgent.Core.Quotas;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Quotas;

namespace GenAgent.Workflow.Starting;

/// <summary>
/// How every front door starts a session (the API, Discord, the cloud-event, queue and request-file triggers, the CLI),
/// once <see cref="StartRules"/> has checked the request: a session id
/// that already exists starts nothing (a retried POST, a redelivered event); otherwise an admission slot is taken
/// (refused slots sweep first), the request is prepared only then (so a refused start stores no input image), and the
/// slot goes back when the start fails. Ended sessions give their slots back through the sweep.
/// </summary>
public sealed class SessionLauncher(ISessionEngine engine, ISessionAdmission? admission = null)
{
    /// <param name="userId">Whose per-user cap applies; null for starts with no user (cloud events, queues, files), which count globally.</param>
    /// <param name="prepare">Builds the request once the slot is held (stores the input image, for instance).</param>
    /// <param name="freshId">The id was just minted (no idempotency key, event or message id names it), so no session can
    /// have it yet: the existence check, a storage round trip on the durable engines, is skipped.</param>
    public async Task<LaunchOutcome> LaunchAsync(
        string sessionId, string? userId, Func<CancellationToken, Task<SessionRequest>> prepare, bool freshId = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(prepare);
        if (!freshId && await engine.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) is not null) return LaunchOutcome.Existing;
        if (await AdmitAsync(sessionId, userId, cancellationToken).ConfigureAwait(false) is { } refused) return LaunchOutcome.RefusedBy(refused);

        SessionRequest request;
        try
        {
            request = await prepare(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(sessionId, userId).ConfigureAwait(false);
            throw;
        }
        await StartAdmittedAsync(request, sessionId, userId, cancellationToken).ConfigureAwait(false);
        return LaunchOutcome.Started;
    }

    /// <summary>
    /// The first half of a start that must answer before it starts (a Discord interaction): takes the slot (sweeping
    /// when refused). Null when admitted; the caller then calls <see cref="StartAdmittedAsync"/> or <see cref="ReleaseAsync"/>.
    /// </summary>
    public async Task<AdmissionResult?> AdmitAsync(string sessionId, string? userId, CancellationToken cancellationToken = default)
    {
        if (admission is null) return null;
        var admitted = await admission.TryAdmitSweepingAsync(engine, userId, sessionId, cancellationToken).ConfigureAwait(false);
        return admitted.Admitted ? null : admitted;
    }

    /// <summary>The second half: starts the admitted session; a failed start gives the slot back and is rethrown.</summary>
    public async Task StartAdmittedAsync(SessionRequest request, string sessionId, string? userId, CancellationToken cancellationToken = default)
    {
        try
        {
            await engine.StartAsync(request, sessionId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(sessionId, userId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gives back the slot of a session that will not start (ended sessions give theirs back through the sweep).</summary>
    public async Task ReleaseAsync(string sessionId, string? userId)
    {
        if (admission is not null) await admission.ReleaseAsync(userId, sessionId, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The same for a request that needs no preparation.</summary>
    public Task<LaunchOutcome> LaunchAsync(string sessionId, string? userId, SessionRequest request, CancellationToken cancellationToken = default) =>
        LaunchAsync(sessionId, userId, _ => Task.FromResult(request), cancellationToken: cancellationToken);
}

/// <summary>What <see cref="SessionLauncher.LaunchAsync(string, string?, Func{CancellationToken, Task{SessionRequest}}, bool, CancellationToken)"/> did.</summary>
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

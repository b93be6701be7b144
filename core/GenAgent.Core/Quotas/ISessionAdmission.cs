namespace GenAgent.Core.Quotas;

/// <summary>
/// Admission control for new sessions: per-user and global concurrency caps and a kill switch. Call
/// <see cref="TryAdmitAsync"/> before starting a session and <see cref="ReleaseAsync"/> once it has completed (any
/// outcome); both are idempotent per session id, so a retried request neither takes two slots nor frees two.
/// </summary>
public interface ISessionAdmission
{
    /// <summary>Takes a slot for <paramref name="sessionId"/>, or says which limit refused it. A session already admitted is admitted again.</summary>
    Task<AdmissionResult> TryAdmitAsync(string? userId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Frees the slot of <paramref name="sessionId"/>; a session without a slot is ignored.</summary>
    Task ReleaseAsync(string? userId, string sessionId, CancellationToken cancellationToken = default);
}

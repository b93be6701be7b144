namespace GenAgent.Core.Quotas;

/// <summary>
/// Lists the sessions holding a slot, so a periodic sweep can free the slots of sessions that ended without a release
/// (a host that stopped while waiting for completion). Both admission implementations keep one.
/// </summary>
public interface IAdmissionLedger
{
    Task<IReadOnlyList<AdmittedSession>> ListAdmittedAsync(CancellationToken cancellationToken = default);
}

using Microsoft.Extensions.Options;

namespace GenAgent.Core.Quotas;

/// <summary>Admission counters in this process: for the in-process self-host, where one process runs every session.</summary>
public sealed class InMemorySessionAdmission(IOptionsMonitor<AdmissionOptions> options, TimeProvider? clock = null) : ISessionAdmission, IAdmissionLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AdmittedSession> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, int> _perUser = new(StringComparer.Ordinal);

    public Task<AdmissionResult> TryAdmitAsync(string? userId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var limits = options.CurrentValue;
        lock (_gate)
        {
            if (limits.KillSwitch) return Task.FromResult(AdmissionResult.KillSwitchOn);
            if (_sessions.ContainsKey(sessionId)) return Task.FromResult(AdmissionResult.Accepted);
            var mine = userId is null ? 0 : _perUser.GetValueOrDefault(userId);
            if (userId is not null && limits.MaxConcurrentPerUser is { } perUser && mine >= perUser)
                return Task.FromResult(AdmissionResult.OverUserQuota(userId, mine, perUser));
            if (limits.MaxConcurrentGlobal is { } global && _sessions.Count >= global)
                return Task.FromResult(AdmissionResult.OverGlobalQuota(_sessions.Count, global));

            _sessions[sessionId] = new AdmittedSession(sessionId, userId, _clock.GetUtcNow());
            if (userId is not null) _perUser[userId] = mine + 1;
            return Task.FromResult(AdmissionResult.Accepted);
        }
    }

    public Task ReleaseAsync(string? userId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        lock (_gate)
        {
            // The user recorded at admission counts, not the caller's claim, so a wrong user id cannot free someone else's slot.
            if (!_sessions.Remove(sessionId, out var admitted) || admitted.UserId is not { } owner) return Task.CompletedTask;
            var left = _perUser[owner] - 1;
            if (left == 0) _perUser.Remove(owner);
            else _perUser[owner] = left;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AdmittedSession>> ListAdmittedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<AdmittedSession>>([.. _sessions.Values]);
    }

    /// <summary>Sessions holding a slot now.</summary>
    public int InUse
    {
        get { lock (_gate) return _sessions.Count; }
    }
}

using GenAgent.Core.Sessions;
using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask.Converters;

namespace GenAgent.Workflow.Engine;

/// <summary>What both engines share: request validation, idempotent start, snapshot decoding and progress polling.</summary>
public abstract class SessionEngineBase(WorkflowOptions workflow) : ISessionEngine
{
    public WorkflowOptions Workflow { get; } = workflow;

    private readonly SemaphoreSlim[] _startGates = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>How often <see cref="WaitForCompletionAsync"/> looks at the session.</summary>
    protected abstract TimeSpan PollInterval { get; }

    public async Task<string> StartAsync(SessionRequest request, string? sessionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException($"Invalid session options: {string.Join(" ", problems)}", nameof(request));
        if (string.IsNullOrWhiteSpace(request.Prompt))
            throw new ArgumentException("The prompt is empty.", nameof(request));

        var id = sessionId ?? Guid.NewGuid().ToString("N");
        // Starting twice with one id (a retried HTTP call, a resumed CLI) must not run two sessions. Two starts at the same
        // moment would both see no session, and the in-memory backend then runs one instance from two start events and
        // never finishes it; so the check and the schedule run under a lock per id (striped, so memory stays bounded).
        var gate = _startGates[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % (uint)_startGates.Length)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not null)
                return id;
            await ScheduleAsync(new SessionInput(id, request, Workflow), cancellationToken).ConfigureAwait(false);
            return id;
        }
        finally
        {
            gate.Release();
        }
    }

    public abstract Task<SessionSnapshot?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    public abstract Task CancelAsync(string sessionId, CancellationToken cancellationToken = default);

    public abstract Task SendFollowUpAsync(string sessionId, string text, CancellationToken cancellationToken = default);

    public async Task<SessionSnapshot> WaitForCompletionAsync(string sessionId, IProgress<SessionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        SessionProgress? last = null;
        while (true)
        {
            var snapshot = await GetAsync(sessionId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Session {sessionId} does not exist.");
            if (snapshot.Progress is { } now && now != last)
            {
                last = now;
                progress?.Report(now);
            }
            if (snapshot.IsTerminal) return snapshot;
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task ScheduleAsync(SessionInput input, CancellationToken cancellationToken);

    /// <summary>Builds a snapshot from what a backend stores: JSON written by the Durable Task data converter.</summary>
    protected static SessionSnapshot Decode(string sessionId, SessionRuntimeStatus status, string? customStatus, string? output, string? failure)
    {
        var converter = JsonDataConverter.Default;
        var progress = string.IsNullOrEmpty(customStatus) ? null : converter.Deserialize<SessionProgress>(customStatus);
        var trajectory = status == SessionRuntimeStatus.Completed && !string.IsNullOrEmpty(output)
            ? converter.Deserialize<Trajectory>(output)
            : null;
        return new SessionSnapshot(sessionId, status, progress, trajectory, failure);
    }
}

using System.Collections.Concurrent;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;

namespace GenAgent.Triggers.Tests.Fakes;

/// <summary>An engine that records what it is asked to start, idempotent per id like the real ones, and can be told to fail.</summary>
internal sealed class RecordingSessionEngine : ISessionEngine
{
    private int _schedules;

    public ConcurrentDictionary<string, SessionRequest> Sessions { get; } = new();

    /// <summary>How many sessions were actually scheduled (a start of an existing id schedules nothing).</summary>
    public int Schedules => _schedules;

    public Exception? FailStartsWith { get; set; }

    public Task<string> StartAsync(SessionRequest request, string? sessionId = null, CancellationToken cancellationToken = default)
    {
        if (FailStartsWith is { } failure) throw failure;
        var id = sessionId ?? Guid.NewGuid().ToString("N");
        if (Sessions.TryAdd(id, request)) Interlocked.Increment(ref _schedules);
        return Task.FromResult(id);
    }

    public Task<SessionSnapshot?> GetAsync(string sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Sessions.ContainsKey(sessionId) ? new SessionSnapshot(sessionId, SessionRuntimeStatus.Pending, null, null) : null);

    public Task<SessionSnapshot> WaitForCompletionAsync(string sessionId, IProgress<SessionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The recording engine runs nothing.");

    public Task CancelAsync(string sessionId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendFollowUpAsync(string sessionId, string text, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

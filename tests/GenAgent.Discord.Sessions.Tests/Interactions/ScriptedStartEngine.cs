using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;

namespace GenAgent.Discord.Sessions.Tests.Interactions;

/// <summary>
/// An engine whose session start is slow or fails, around the server's real engine: the shapes a durable start takes
/// on a cold or overloaded Functions host.
/// </summary>
internal sealed class ScriptedStartEngine(ISessionEngine inner, TimeSpan delay, bool fail) : ISessionEngine
{
    private int _finished;

    /// <summary>How many starts have returned or thrown.</summary>
    public int Finished => Volatile.Read(ref _finished);

    public async Task<string> StartAsync(SessionRequest request, string? sessionId = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await Task.Delay(delay, CancellationToken.None);
            if (fail) throw new InvalidOperationException("the task hub refused the start (scripted)");
            return await inner.StartAsync(request, sessionId, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _finished);
        }
    }

    public Task<SessionSnapshot?> GetAsync(string sessionId, CancellationToken cancellationToken = default) => inner.GetAsync(sessionId, cancellationToken);

    public Task<SessionSnapshot> WaitForCompletionAsync(string sessionId, IProgress<SessionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        inner.WaitForCompletionAsync(sessionId, progress, cancellationToken);

    public Task CancelAsync(string sessionId, CancellationToken cancellationToken = default) => inner.CancelAsync(sessionId, cancellationToken);

    public Task SendFollowUpAsync(string sessionId, string text, CancellationToken cancellationToken = default) => inner.SendFollowUpAsync(sessionId, text, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

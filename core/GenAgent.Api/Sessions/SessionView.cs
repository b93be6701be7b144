using System.Text.Json;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;

namespace GenAgent.Api.Sessions;

/// <summary>
/// A session as the read endpoints see it: the engine's snapshot plus the trajectory so far. A finished session's
/// trajectory comes from the engine; a running one's from the partial file the PublishProgress activity writes.
/// </summary>
internal sealed record SessionView(SessionSnapshot Snapshot, Trajectory? Trajectory)
{
    public static async Task<SessionView?> LoadAsync(string id, ISessionEngine engine, IImageStore store, CancellationToken cancellationToken)
    {
        if (!SessionIds.IsWellFormed(id)) return null;
        var snapshot = await engine.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (snapshot is null) return null;
        var trajectory = snapshot.Trajectory ?? await ReadPartialAsync(id, store, cancellationToken).ConfigureAwait(false);
        return new SessionView(snapshot, trajectory);
    }

    private static async Task<Trajectory?> ReadPartialAsync(string id, IImageStore store, CancellationToken cancellationToken)
    {
        var json = await store.TryGetAsync(SessionKeys.Trajectory(id), cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize(json, SessionJson.Default.Trajectory);
    }
}

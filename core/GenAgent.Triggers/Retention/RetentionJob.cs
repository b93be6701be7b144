using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GenAgent.Core.Sessions;
using GenAgent.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.Triggers.Retention;

/// <summary>
/// The daily timer's work on the session store container: delete sessions older than the retention period (images,
/// cached replies and trajectory together, so no session is left half there), purge finished orchestration history,
/// and roll up a day's usage into <c>usage/&lt;yyyy-MM-dd&gt;.json</c>.
/// </summary>
public sealed class RetentionJob(
    BlobContainerClient store,
    TriggerOptions options,
    IOrchestrationHistoryPurger? historyPurger = null,
    TimeProvider? time = null,
    ILogger<RetentionJob>? logger = null)
{
    private const string SessionsPrefix = "sessions/";
    private const string TrajectoryFile = "trajectory.json";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<RetentionJob>.Instance;

    public static string UsageKey(DateOnly day) => $"usage/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json";

    /// <summary>
    /// Deletes every session that ended before <paramref name="now"/> minus the retention period. A session's end is its
    /// trajectory's <c>endedAt</c>; a session without one (still running, or crashed) counts from its newest blob.
    /// </summary>
    public async Task<RetentionResult> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - TimeSpan.FromDays(options.RetentionDays);
        // A new app's timer can fire before any session created the container; there is nothing to purge then.
        await store.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var sessions = 0;
        var blobs = 0;
        foreach (var (sessionId, items) in await ListSessionsAsync(cancellationToken).ConfigureAwait(false))
        {
            var ended = await EndedAtAsync(sessionId, items, cutoff, cancellationToken).ConfigureAwait(false);
            if (ended >= cutoff) continue;
            foreach (var item in items)
            {
                await store.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
                blobs++;
            }
            sessions++;
        }
        int? purged = historyPurger is null ? null : await historyPurger.PurgeAsync(cutoff, cancellationToken).ConfigureAwait(false);
        _logger.RetentionPurged(sessions, blobs, cutoff, purged ?? 0);
        return new RetentionResult(cutoff, sessions, blobs, purged);
    }

    /// <summary>Aggregates the trajectories of sessions that ended on <paramref name="day"/> (UTC) and stores the roll-up.</summary>
    public async Task<UsageRollup> RollUpUsageAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        var trajectories = new List<Trajectory>();
        var unreadable = new List<string>();
        await store.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await foreach (var item in store.GetBlobsAsync(new GetBlobsOptions { Prefix = SessionsPrefix }, cancellationToken).ConfigureAwait(false))
        {
            // A trajectory is written when its session ends, so one last written before the day cannot have ended on it.
            if (!item.Name.EndsWith($"/{TrajectoryFile}", StringComparison.Ordinal) || item.Properties.LastModified < from) continue;
            var trajectory = await TryReadTrajectoryAsync(item.Name, cancellationToken).ConfigureAwait(false);
            if (trajectory is null) unreadable.Add(item.Name);
            else if (trajectory.EndedAt >= from && trajectory.EndedAt < to) trajectories.Add(trajectory);
        }

        var usage = trajectories.Aggregate(TokenUsage.Zero, (sum, t) => sum.Add(t.Usage));
        var outcomes = trajectories
            .GroupBy(t => t.Outcome?.Kind.ToString() ?? "Unknown")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var rollup = new UsageRollup(
            day, trajectories.Count, trajectories.Sum(t => t.ImagesUsed), usage.InputTokens, usage.OutputTokens,
            trajectories.Sum(t => t.ToolCost), outcomes, unreadable, _time.GetUtcNow());
        await store.GetBlobClient(UsageKey(day)).UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(rollup, TriggerJson.Default.UsageRollup)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken).ConfigureAwait(false);
        _logger.UsageRolledUp(day, rollup.Sessions, rollup.Images);
        return rollup;
    }

    private async Task<Dictionary<string, List<BlobItem>>> ListSessionsAsync(CancellationToken cancellationToken)
    {
        var sessions = new Dictionary<string, List<BlobItem>>(StringComparer.Ordinal);
        await foreach (var item in store.GetBlobsAsync(new GetBlobsOptions { Prefix = SessionsPrefix }, cancellationToken).ConfigureAwait(false))
        {
            var rest = item.Name[SessionsPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0) continue;
            var id = rest[..slash];
            if (!sessions.TryGetValue(id, out var list)) sessions[id] = list = [];
            list.Add(item);
        }
        return sessions;
    }

    private async Task<DateTimeOffset> EndedAtAsync(string sessionId, List<BlobItem> items, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var newest = items.Max(i => i.Properties.LastModified ?? DateTimeOffset.MinValue);
        // Nothing written since the cutoff: old whatever the trajectory says, and no need to read it.
        if (newest < cutoff) return newest;
        var key = SessionKeys.Trajectory(sessionId);
        if (!items.Any(i => i.Name == key)) return newest;
        var trajectory = await TryReadTrajectoryAsync(key, cancellationToken).ConfigureAwait(false);
        return trajectory?.EndedAt ?? newest;
    }

    private async Task<Trajectory?> TryReadTrajectoryAsync(string key, CancellationToken cancellationToken)
    {
        var content = await store.GetBlobClient(key).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return content.Value.Content.ToObjectFromJson(SessionJson.Default.Trajectory);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

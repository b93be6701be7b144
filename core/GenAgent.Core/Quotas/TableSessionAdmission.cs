using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace GenAgent.Core.Quotas;

/// <summary>
/// Admission counters in an Azure Storage table, shared by every instance of a scaled-out app. One partition holds a
/// global counter row, a counter row per user and a row per admitted session; admitting and releasing each change
/// all of their rows in one entity-group transaction guarded by the ETags read just before (optimistic concurrency),
/// so two racing requests for the last slot cannot both win: the loser's transaction fails and it reads again.
/// One partition bounds the admission rate to a few hundred per second, far above what GPU-bound sessions need.
/// </summary>
public sealed class TableSessionAdmission(TableClient table, IOptionsMonitor<AdmissionOptions> options) : ISessionAdmission, IAdmissionLedger
{
    private const string Partition = "admission";
    private const string GlobalRow = "global";
    private const string CountProperty = "Count";
    private const string UserProperty = "UserId";
    private const string SessionProperty = "SessionId";
    private const string AdmittedAtProperty = "AdmittedAt";
    /// <summary>Attempts before a contended counter is reported as an error instead of retried.</summary>
    public const int MaxAttempts = 20;

    private volatile bool _created;

    public async Task<AdmissionResult> TryAdmitAsync(string? userId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var limits = options.CurrentValue;
            if (limits.KillSwitch) return AdmissionResult.KillSwitchOn;
            if (await GetAsync(SessionRow(sessionId), cancellationToken).ConfigureAwait(false) is not null) return AdmissionResult.Accepted;

            var global = await GetAsync(GlobalRow, cancellationToken).ConfigureAwait(false);
            var user = userId is null ? null : await GetAsync(UserRow(userId), cancellationToken).ConfigureAwait(false);
            var globalCount = Count(global);
            var userCount = Count(user);
            if (userId is not null && limits.MaxConcurrentPerUser is { } perUser && userCount >= perUser)
                return AdmissionResult.OverUserQuota(userId, userCount, perUser);
            if (limits.MaxConcurrentGlobal is { } max && globalCount >= max)
                return AdmissionResult.OverGlobalQuota(globalCount, max);

            var actions = new List<TableTransactionAction>
            {
                Counter(GlobalRow, global, globalCount + 1),
                new(TableTransactionActionType.Add, new TableEntity(Partition, SessionRow(sessionId))
                {
                    [SessionProperty] = sessionId,
                    [UserProperty] = userId,
                    [AdmittedAtProperty] = DateTimeOffset.UtcNow,
                }),
            };
            if (userId is not null) actions.Add(Counter(UserRow(userId), user, userCount + 1));
            if (await TrySubmitAsync(actions, attempt, cancellationToken).ConfigureAwait(false)) return AdmissionResult.Accepted;
        }
    }

    public async Task ReleaseAsync(string? userId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var session = await GetAsync(SessionRow(sessionId), cancellationToken).ConfigureAwait(false);
            if (session is null) return;
            // The user recorded at admission counts, not the caller's claim, so a wrong user id cannot free someone else's slot.
            var owner = session.GetString(UserProperty);
            var global = await GetAsync(GlobalRow, cancellationToken).ConfigureAwait(false);
            var user = owner is null ? null : await GetAsync(UserRow(owner), cancellationToken).ConfigureAwait(false);

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Delete, session, session.ETag),
                Counter(GlobalRow, global, Math.Max(0, Count(global) - 1)),
            };
            if (owner is not null) actions.Add(Counter(UserRow(owner), user, Math.Max(0, Count(user) - 1)));
            if (await TrySubmitAsync(actions, attempt, cancellationToken).ConfigureAwait(false)) return;
        }
    }

    public async Task<IReadOnlyList<AdmittedSession>> ListAdmittedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var admitted = new List<AdmittedSession>();
        // Session rows sort between "session-" and "session." ('.' follows '-').
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {SessionPrefix} and RowKey lt {"session."}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            admitted.Add(new AdmittedSession(
                row.GetString(SessionProperty), row.GetString(UserProperty), row.GetDateTimeOffset(AdmittedAtProperty) ?? row.Timestamp ?? default));
        }
        return admitted;
    }

    /// <summary>Sessions holding a slot now, as the global counter says.</summary>
    public async Task<int> InUseAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        return Count(await GetAsync(GlobalRow, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Submits the transaction; false when another writer changed a row first (the caller reads again).</summary>
    private async Task<bool> TrySubmitAsync(List<TableTransactionAction> actions, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (IsLostRace(ex.Status) && attempt < MaxAttempts)
        {
            // Jitter spreads the retries of writers that lost the same race.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + (10 * attempt))), cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    // 412: a row changed since it was read; 409: a row another writer added first; 404: a row another writer deleted.
    private static bool IsLostRace(int status) => status is 409 or 412 or 404;

    private static TableTransactionAction Counter(string row, TableEntity? current, int count) => current is null
        ? new(TableTransactionActionType.Add, new TableEntity(Partition, row) { [CountProperty] = count })
        : new(TableTransactionActionType.UpdateReplace, new TableEntity(Partition, row) { [CountProperty] = count }, current.ETag);

    private static int Count(TableEntity? row) => row?.GetInt32(CountProperty) ?? 0;

    private async Task<TableEntity?> GetAsync(string row, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        // Racing callers may both create: CreateIfNotExists tolerates that, so no lock is needed.
        if (_created) return;
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _created = true;
    }

    // Row keys may not contain / \ # ? or control characters; escaping keeps distinct ids distinct.
    private static string UserRow(string userId) => "user-" + Uri.EscapeDataString(userId);

    private const string SessionPrefix = "session-";

    private static string SessionRow(string sessionId) => SessionPrefix + Uri.EscapeDataString(sessionId);
}

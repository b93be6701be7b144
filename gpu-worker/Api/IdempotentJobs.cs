using System.Collections.Concurrent;
using GenAgent.Inference.Pipelines;

namespace GenAgent.GpuWorker.Api;

/// <summary>
/// Joins repeats of a generation to the first: a request with an <c>Idempotency-Key</c> header that the worker is
/// running or has finished in the last <see cref="Lifetime"/> gets that job's images instead of a second GPU run. The
/// agent sends one key per session turn, so a session resumed after a crash (which calls the tool again) costs nothing
/// twice. A keyed job runs to completion even when its first client disconnects, so the repeat finds it; a failed job
/// is forgotten, so a retry runs afresh. Bounded: at most <see cref="MaxEntries"/> keys, oldest forgotten first.
/// </summary>
public sealed class IdempotentJobs(TimeProvider clock)
{
    public const string Header = "Idempotency-Key";

    public const int MaxKeyLength = 255;

    public const int MaxEntries = 256;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _joined;

    /// <summary>Requests answered from a job another request started (for tests and metrics).</summary>
    public int Joined => Volatile.Read(ref _joined);

    /// <param name="key">The client's key.</param>
    /// <param name="fingerprint">What the request asks for; a key reused for a different request is refused.</param>
    /// <param name="run">Runs the job, not tied to any one client's connection.</param>
    /// <param name="waiter">This client's cancellation: it stops waiting, not the job.</param>
    public async Task<IReadOnlyList<GeneratedImage>> RunAsync(
        string key, string fingerprint, Func<Task<IReadOnlyList<GeneratedImage>>> run, CancellationToken waiter)
    {
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
            throw new InvalidRequestException($"{Header} must be 1 to {MaxKeyLength} printable characters.", Header, "invalid_idempotency_key");
        Prune();
        var mine = new Entry(fingerprint, clock.GetUtcNow(), new Lazy<Task<IReadOnlyList<GeneratedImage>>>(run, LazyThreadSafetyMode.ExecutionAndPublication));
        var entry = _entries.GetOrAdd(key, mine);
        if (entry.Fingerprint != fingerprint)
            throw new InvalidRequestException($"{Header} '{key}' was used for a different request; use a new key for each request.", Header, "idempotency_key_reused");
        if (!ReferenceEquals(entry, mine)) Interlocked.Increment(ref _joined);

        var job = entry.Job.Value;
        if (ReferenceEquals(entry, mine))
        {
            _ = job.ContinueWith(
                t => _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)),
                CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        }

        return await job.WaitAsync(waiter).ConfigureAwait(false);
    }

    private void Prune()
    {
        var cutoff = clock.GetUtcNow() - Lifetime;
        foreach (var (key, entry) in _entries)
        {
            if (entry.At < cutoff) _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }

        if (_entries.Count < MaxEntries) return;
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.At).Take(_entries.Count - MaxEntries + 1))
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
    }

    private sealed record Entry(string Fingerprint, DateTimeOffset At, Lazy<Task<IReadOnlyList<GeneratedImage>>> Job);
}

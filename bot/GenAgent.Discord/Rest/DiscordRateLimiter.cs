using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord.Rest;

/// <summary>
/// Discord's rate limits as the headers describe them: per bucket (<c>X-RateLimit-Bucket</c> plus the major resource)
/// and global (a global 429 pauses every route; bot-token requests also keep under 50 per second). A singleton: typed
/// HttpClients are transient, the limits belong to the bot.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time, IOptions<DiscordOptions> options, ILogger<DiscordRateLimiter> logger)
{
    /// <summary>
    /// Added to every reset: timers may fire a few milliseconds early (coarse clocks), and a request that arrives a
    /// moment before the reset is a 429 that counts toward Discord's invalid-request ban.
    /// </summary>
    private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, string> bucketHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> recentBotRequests = new();
    private readonly Queue<DateTimeOffset> recentInvalid = new();
    private readonly Lock invalidLock = new();
    private readonly Lock globalLock = new();
    private DateTimeOffset globalResetAt;

    /// <summary>Whether a global 429 is still pausing every route.</summary>
    public bool IsGloballyLimited
    {
        get
        {
            lock (globalLock)
            {
                return globalResetAt > time.GetUtcNow();
            }
        }
    }

    /// <summary>Waits for the global limit and the route's bucket, then holds the bucket; release it with <see cref="Release"/>.</summary>
    public async Task<RateLimitBucket> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucket = BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitForBucketAsync(route, bucket, cancellationToken).ConfigureAwait(false);
            await WaitForGlobalAsync(route, cancellationToken).ConfigureAwait(false);
            return bucket;
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    public void Release(RateLimitBucket bucket) => bucket.Gate.Release();

    /// <summary>Discord's window for the invalid-request ban.</summary>
    public static TimeSpan InvalidRequestWindow { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Invalid responses in the last 10 minutes.</summary>
    public int InvalidRequests
    {
        get
        {
            lock (invalidLock)
            {
                PruneInvalid(time.GetUtcNow());
                return recentInvalid.Count;
            }
        }
    }

    /// <summary>
    /// Counts a response toward Discord's invalid-request ban: 401, 403, and 429 except those whose scope is
    /// <c>shared</c> (a shared resource's limit, which Discord does not count).
    /// </summary>
    public void CountResponse(int status, string? scope)
    {
        if (status is not (401 or 403 or 429) || (status == 429 && scope == "shared")) return;
        var now = time.GetUtcNow();
        int count;
        lock (invalidLock)
        {
            PruneInvalid(now);
            recentInvalid.Enqueue(now);
            count = recentInvalid.Count;
        }

        var limit = options.Value.InvalidRequestLimit;
        if (count == limit / 2 || count == limit) logger.InvalidRequestsHigh(count, limit);
    }

    /// <summary>
    /// How long until the invalid-request budget allows another request, or null when it does now. Sending past the
    /// budget would risk the IP ban, which stops every request of every client behind the address for an hour.
    /// </summary>
    public TimeSpan? InvalidBudgetWait()
    {
        var now = time.GetUtcNow();
        lock (invalidLock)
        {
            PruneInvalid(now);
            if (recentInvalid.Count < options.Value.InvalidRequestLimit) return null;
            // The oldest counted response leaves the window first; with it one more request may go.
            return recentInvalid.Peek() + InvalidRequestWindow - now;
        }
    }

    private void PruneInvalid(DateTimeOffset now)
    {
        while (recentInvalid.Count > 0 && now - recentInvalid.Peek() >= InvalidRequestWindow) recentInvalid.Dequeue();
    }

    /// <summary>Reads the rate-limit headers of a response into the bucket.</summary>
    public void Update(DiscordRoute route, RateLimitBucket bucket, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            bucketHashes[route.Key] = hash;
        }

        if (int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            bucket.Remaining = remaining;
        }

        if (double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter) + ResetMargin;
        }

        // Requests already queued on the template's bucket keep it; later ones find the hashed bucket shared by every
        // route Discord groups together.
        if (!string.Equals(BucketKey(route), bucket.Key, StringComparison.Ordinal))
        {
            var shared = buckets.GetOrAdd(BucketKey(route), key => new RateLimitBucket(key));
            if (shared.Remaining is null)
            {
                shared.Remaining = bucket.Remaining;
                shared.ResetAt = bucket.ResetAt;
            }
        }
    }

    /// <summary>Records a 429: the bucket (or, when global, every route) waits <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(DiscordRoute route, RateLimitBucket bucket, TimeSpan retryAfter, bool global, string? scope)
    {
        var until = time.GetUtcNow() + retryAfter + ResetMargin;
        if (global)
        {
            lock (globalLock)
            {
                if (until > globalResetAt)
                {
                    globalResetAt = until;
                }
            }
        }
        else
        {
            bucket.Remaining = 0;
            bucket.ResetAt = until;
        }

        logger.RateLimited(route.Key, retryAfter.TotalSeconds, global, scope);
    }

    private async Task WaitForBucketAsync(DiscordRoute route, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        if (bucket.Remaining is not 0)
        {
            return;
        }

        var wait = bucket.ResetAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            EnsureBounded(route, wait, global: false);
            logger.BucketWait(route.Key, wait.TotalMilliseconds);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        // The reset passed; the next response says how many are left.
        bucket.Remaining = null;
    }

    private async Task WaitForGlobalAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (globalLock)
            {
                var now = time.GetUtcNow();
                wait = globalResetAt - now;
                if (wait <= TimeSpan.Zero && route.UsesBotToken)
                {
                    while (recentBotRequests.Count > 0 && now - recentBotRequests.Peek() >= TimeSpan.FromSeconds(1))
                    {
                        recentBotRequests.Dequeue();
                    }

                    wait = recentBotRequests.Count >= DiscordLimits.GlobalRequestsPerSecond
                        ? recentBotRequests.Peek() + TimeSpan.FromSeconds(1) - now
                        : TimeSpan.Zero;
                    if (wait <= TimeSpan.Zero)
                    {
                        recentBotRequests.Enqueue(now);
                    }
                }
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            EnsureBounded(route, wait, global: true);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void EnsureBounded(DiscordRoute route, TimeSpan wait, bool global)
    {
        if (wait > options.Value.MaxRateLimitWait)
        {
            throw new DiscordRateLimitedException(
                $"{route.Key} is rate limited for {wait.TotalSeconds:F1} s, longer than the {options.Value.MaxRateLimitWait.TotalSeconds:F0} s this client waits.",
                wait,
                global,
                route.Key,
                !route.UsesBotToken);
        }
    }

    private RateLimitBucket BucketFor(DiscordRoute route) => buckets.GetOrAdd(BucketKey(route), key => new RateLimitBucket(key));

    private string BucketKey(DiscordRoute route) =>
        (bucketHashes.TryGetValue(route.Key, out var hash) ? hash : route.Key) + "|" + route.Major;

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

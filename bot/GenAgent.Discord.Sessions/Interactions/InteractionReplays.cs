using System.Collections.Concurrent;
using System.Globalization;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Wire;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>
/// Replay protection for signed interactions. A signature proves Discord sent the body once, not that this is the
/// first time it arrives: a request whose timestamp is outside the window is refused, and within the window each
/// interaction id is answered once; a repeat gets the first answer and starts nothing. The window bounds the memory:
/// an id older than the window can only come back with a timestamp the check refuses.
/// </summary>
public sealed class InteractionReplays(TimeProvider clock, IOptions<DiscordSessionsOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _seen = new(StringComparer.Ordinal);
    private long _lastPrune;

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.SignatureWindowSeconds);

    /// <summary>Whether the signed <c>X-Signature-Timestamp</c> (Unix seconds) lies within the window around now.</summary>
    public bool IsFresh(string timestamp)
    {
        if (timestamp.Length is 0 or > 12 || !timestamp.All(char.IsAsciiDigit)) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        return age.Duration() <= Window;
    }

    /// <summary>
    /// The answer to interaction <paramref name="id"/>: <paramref name="answer"/> runs for the first arrival only (a
    /// concurrent repeat waits for it); <c>First</c> says whether this call ran it. A failed answer is forgotten, so
    /// Discord's retry is answered afresh.
    /// </summary>
    public async Task<(InteractionResponse Response, bool First)> OnceAsync(string id, Func<Task<InteractionResponse>> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var mine = new Entry(clock.GetUtcNow(), new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
        var entry = _seen.GetOrAdd(id, mine);
        if (!ReferenceEquals(entry, mine)) return (await entry.Response.Task.ConfigureAwait(false), false);
        Prune();
        try
        {
            var response = await answer().ConfigureAwait(false);
            mine.Response.SetResult(response);
            return (response, true);
        }
        catch (Exception failed)
        {
            _seen.TryRemove(new KeyValuePair<string, Entry>(id, mine));
            mine.Response.SetException(failed);
            throw;
        }
    }

    /// <summary>Forgets ids older than twice the window (a timestamp may be up to a window ahead), at most once a second.</summary>
    private void Prune()
    {
        var now = clock.GetUtcNow();
        var last = Interlocked.Read(ref _lastPrune);
        if (now.UtcTicks - last < TimeSpan.TicksPerSecond || Interlocked.CompareExchange(ref _lastPrune, now.UtcTicks, last) != last) return;
        var cutoff = now - 2 * Window;
        foreach (var (id, entry) in _seen)
        {
            if (entry.At < cutoff) _seen.TryRemove(new KeyValuePair<string, Entry>(id, entry));
        }
    }

    private sealed record Entry(DateTimeOffset At, TaskCompletionSource<InteractionResponse> Response);
}

using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using GenAgent.Core.Images;
using GenAgent.Core.Quotas;
using GenAgent.Core.Sessions;
using GenAgent.Core.Training.Rewards;
using GenAgent.Core.Training.Rollouts;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Starting;

namespace GenAgent.Workflow.Rollouts;

/// <summary>
/// Runs a <see cref="RolloutPlan"/>: every rollout a session started through the launcher (so a host's caps apply: a
/// refused start waits for a slot), scored by <see cref="TrajectoryRewards"/>, each group resampled to keep with lengths
/// balanced (<see cref="TrajectoryResampler"/>) and given group-relative advantages (<see cref="GroupAdvantages"/>).
/// Groups come back as each finishes, so a caller can write or stream them. On a durable engine the sessions fan out
/// across every worker of the task hub; this class only starts, waits and scores.
/// </summary>
public sealed class RolloutRunner(ISessionEngine engine, SessionLauncher launcher, IImageStore store, TrajectoryRewards rewards, int concurrency)
{
    /// <summary>A session that failed (not one that ended badly: that is scored) is run again under a new id this often.</summary>
    public const int SessionRetries = 2;

    /// <summary>The longest a rollout waits for an admission slot before the batch fails.</summary>
    public static readonly TimeSpan MaxAdmissionWait = TimeSpan.FromMinutes(10);

    private int ran;

    /// <summary>Rollouts scored so far (a resumed one counts: it was waited on and scored, not run again).</summary>
    public int Ran => Volatile.Read(ref ran);

    /// <param name="skip">Prompt indexes whose groups the caller has already (a resumed batch).</param>
    public async IAsyncEnumerable<RolloutGroup> RunAsync(RolloutPlan plan, IReadOnlySet<int>? skip = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        using var slots = new SemaphoreSlim(concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = Channel.CreateUnbounded<RolloutGroup>();
        ExceptionDispatchInfo? failure = null;

        async Task RunGroupAsync(int promptIndex)
        {
            try
            {
                await finished.Writer.WriteAsync(await GroupAsync(plan, promptIndex, slots, stop.Token).ConfigureAwait(false), stop.Token).ConfigureAwait(false);
            }
            catch (Exception failed)
            {
                // The first failure ends the batch; the other groups' cancellations that follow it (or the caller's) are
                // not a cause of their own.
                if (stop.IsCancellationRequested) return;
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(failed), null);
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }

        var groups = Enumerable.Range(0, plan.Requests.Count).Where(p => skip?.Contains(p) != true).Select(RunGroupAsync).ToList();
        var all = Task.WhenAll(groups).ContinueWith(_ => finished.Writer.Complete(), TaskScheduler.Default);
        try
        {
            await foreach (var group in finished.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false)) yield return group;
        }
        finally
        {
            // A caller that stops reading (a client gone) stops the rollouts still waiting; none outlives the slots.
            await stop.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }
        failure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<RolloutGroup> GroupAsync(RolloutPlan plan, int promptIndex, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var all = await Task.WhenAll(Enumerable.Range(0, plan.Group).Select(i => RolloutAsync(plan, promptIndex, i, slots, cancellationToken))).ConfigureAwait(false);
        var kept = TrajectoryResampler.Keep([.. all.Select(r => r.Length)], plan.Keep, plan.Seed + promptIndex).Select(i => all[i]).ToList();
        var statistics = GroupAdvantages.Compute([.. kept.Select(r => r.Reward.Total)]);
        return new RolloutGroup(promptIndex, plan.Requests[promptIndex].Prompt, all, kept, statistics);
    }

    private async Task<RolloutResult> RolloutAsync(RolloutPlan plan, int promptIndex, int index, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var request = plan.RequestOf(promptIndex, index);
            for (var attempt = 0; ; attempt++)
            {
                var id = plan.RolloutId(promptIndex, index, attempt);
                await StartAsync(id, request, cancellationToken).ConfigureAwait(false);
                var snapshot = await engine.WaitForCompletionAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (snapshot.Trajectory is { } trajectory)
                {
                    var reward = await rewards.ScoreAsync(trajectory, (image, ct) => store.TryGetAsync(image.Key, ct), cancellationToken: cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref ran);
                    return new RolloutResult(promptIndex, index, id, trajectory, reward);
                }
                if (attempt == SessionRetries) throw new RolloutFailedException($"rollout {id} failed {SessionRetries + 1} times: {snapshot.FailureMessage}");
            }
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Starts the rollout's session unless it exists (a resumed batch); a refused slot is waited for, with backoff.</summary>
    private async Task StartAsync(string id, SessionRequest request, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var delay = TimeSpan.FromMilliseconds(100);
        while ((await launcher.LaunchAsync(id, userId: null, request, cancellationToken).ConfigureAwait(false)).Refusal is { } refused)
        {
            if (refused.Limit == AdmissionLimit.KillSwitch || waited >= MaxAdmissionWait)
                throw new RolloutFailedException($"rollout {id} was not admitted: {refused.Reason}.");
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            waited += delay;
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
        }
    }
}

/// <summary>A rollout that could not be run (its session failed every try, or no slot was given); the batch stops.</summary>
public sealed class RolloutFailedException(string message) : Exception(message);

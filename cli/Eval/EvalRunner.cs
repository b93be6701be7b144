using System.Threading.Channels;
using GenAgent.Cli.Commands;
using GenAgent.Cli.Hosting;
using GenAgent.Core.Benchmarks;
using GenAgent.Core.Sessions;
using GenAgent.Sketch;
using GenAgent.Core.Tools;

namespace GenAgent.Cli.Eval;

/// <summary>
/// Judges, for each benchmark prompt, the bare sketch generator on the raw prompt and the agent at each image cap, all
/// with the prompt's own seed so the comparisons are paired.
/// </summary>
internal sealed class EvalRunner(IReadOnlyList<SessionHost> lanes, ImageSize size, IReadOnlyList<int> caps)
{
    /// <summary>
    /// Lanes to run at once, each an in-process engine running one session at a time. The in-memory backend runs as many
    /// work items at once as there are cores and, once those slots are full, waits half a second before it looks again;
    /// one session per engine never fills them, so several engines go faster than many sessions on one.
    /// </summary>
    public static int LaneCount => Math.Clamp(Environment.ProcessorCount, 1, 8);

    private readonly SketchGenerator _generator = new();
    private readonly Channel<SessionHost> _free = CreatePool(lanes);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public async Task<IReadOnlyList<EvalSample>> RunAsync(IReadOnlyList<BenchmarkItem> items, Action onSampleDone, CancellationToken cancellationToken)
    {
        var samples = new EvalSample[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = lanes.Count, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var lane = await _free.Reader.ReadAsync(ct);
                try
                {
                    samples[index] = await SampleAsync(lane, items[index], index, ct);
                }
                finally
                {
                    _free.Writer.TryWrite(lane);
                }
                onSampleDone();
            });
        return samples;
    }

    private static Channel<SessionHost> CreatePool(IReadOnlyList<SessionHost> hosts)
    {
        var pool = Channel.CreateUnbounded<SessionHost>();
        foreach (var host in hosts) pool.Writer.TryWrite(host);
        return pool;
    }

    private async Task<EvalSample> SampleAsync(SessionHost lane, BenchmarkItem item, int index, CancellationToken cancellationToken)
    {
        var checklist = Checklist.FromBenchmark(item);
        var bare = await _generator.GenerateAsync(new GenerationRequest(item.Prompt, size.Width, size.Height, index), cancellationToken);
        var attempts = new List<AgentAttempt>();
        foreach (var cap in caps) attempts.Add(await AgentAsync(lane, item, index, cap, checklist, cancellationToken));
        return new EvalSample(item, SketchJudge.Judge(bare.Png, checklist).Passed, attempts);
    }

    private async Task<AgentAttempt> AgentAsync(SessionHost lane, BenchmarkItem item, int index, int cap, Checklist checklist, CancellationToken cancellationToken)
    {
        var options = new SessionOptions { MaxImages = cap, Width = size.Width, Height = size.Height, Seed = new SeedPolicy(SeedMode.PerTurn, index) };
        var id = await lane.Engine.StartAsync(new SessionRequest(item.Prompt, options), $"eval-{_runId}-{index:D4}-{cap}", cancellationToken);
        var snapshot = await lane.Engine.WaitForCompletionAsync(id, cancellationToken: cancellationToken);
        var trajectory = snapshot.Trajectory;
        if (trajectory?.FinalImage is null || trajectory.Outcome?.Kind is OutcomeKind.Failed or OutcomeKind.Cancelled)
            return new AgentAttempt(false, trajectory?.ImagesUsed ?? 0, SessionFailed: true);

        var png = await lane.Store.TryGetAsync(trajectory.FinalImage.Key, cancellationToken)
            ?? throw new InvalidOperationException($"Session {id} names a final image the store does not hold ({trajectory.FinalImage.Key}).");
        return new AgentAttempt(SketchJudge.Judge(png, checklist).Passed, trajectory.ImagesUsed, SessionFailed: false, await EyeAsync(lane, trajectory, checklist, cancellationToken));
    }

    /// <summary>Each image the agent gave a verdict on (the turn after it), scored by the evaluator.</summary>
    private static async Task<EyeTally> EyeAsync(SessionHost lane, Trajectory trajectory, Checklist checklist, CancellationToken cancellationToken)
    {
        int judged = 0, missed = 0, falseAlarms = 0;
        var turns = trajectory.Turns;
        for (var t = 0; t + 1 < turns.Count; t++)
        {
            if (turns[t].Image is not { } image || turns[t + 1].Kind is not (TurnKind.Done or TurnKind.Generate or TurnKind.Edit or TurnKind.BudgetStop))
            {
                continue;
            }

            var png = await lane.Store.TryGetAsync(image.Key, cancellationToken)
                ?? throw new InvalidOperationException($"Session {trajectory.SessionId} names an image the store does not hold ({image.Key}).");
            var passes = SketchJudge.Judge(png, checklist).Passed;
            var agentSaysDone = turns[t + 1].Kind == TurnKind.Done;
            judged++;
            missed += agentSaysDone && !passes ? 1 : 0;
            falseAlarms += !agentSaysDone && passes ? 1 : 0;
        }

        return new EyeTally(judged, missed, falseAlarms);
    }
}

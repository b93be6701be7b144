using GenAgent.Cli.Commands;
using GenAgent.Core.Benchmarks;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Core.Sketch;
using GenAgent.Core.Tools;
using GenAgent.Workflow.Engine;

namespace GenAgent.Cli.Eval;

/// <summary>
/// Judges, for each benchmark prompt, the bare sketch generator on the raw prompt and the agent at each image cap, all
/// with the prompt's own seed so the comparisons are paired.
/// </summary>
internal sealed class EvalRunner(ISessionEngine engine, IImageStore store, ImageSize size, IReadOnlyList<int> caps)
{
    /// <summary>Sessions at once: enough to keep two cores busy while the engine's dispatcher waits.</summary>
    public const int Parallelism = 4;

    private readonly SketchGenerator _generator = new();
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public async Task<IReadOnlyList<EvalSample>> RunAsync(IReadOnlyList<BenchmarkItem> items, Action onSampleDone, CancellationToken cancellationToken)
    {
        var samples = new EvalSample[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                samples[index] = await SampleAsync(items[index], index, ct);
                onSampleDone();
            });
        return samples;
    }

    private async Task<EvalSample> SampleAsync(BenchmarkItem item, int index, CancellationToken cancellationToken)
    {
        var checklist = Checklist.FromBenchmark(item);
        var bare = await _generator.GenerateAsync(new GenerationRequest(item.Prompt, size.Width, size.Height, index), cancellationToken);
        var attempts = new List<AgentAttempt>();
        foreach (var cap in caps) attempts.Add(await AgentAsync(item, index, cap, checklist, cancellationToken));
        return new EvalSample(item, SketchJudge.Judge(bare.Png, checklist).Passed, attempts);
    }

    private async Task<AgentAttempt> AgentAsync(BenchmarkItem item, int index, int cap, Checklist checklist, CancellationToken cancellationToken)
    {
        var options = new SessionOptions { MaxImages = cap, Width = size.Width, Height = size.Height, Seed = new SeedPolicy(SeedMode.PerTurn, index) };
        var id = await engine.StartAsync(new SessionRequest(item.Prompt, options), $"eval-{_runId}-{index:D4}-{cap}", cancellationToken);
        var snapshot = await engine.WaitForCompletionAsync(id, cancellationToken: cancellationToken);
        var trajectory = snapshot.Trajectory;
        if (trajectory?.FinalImage is null || trajectory.Outcome?.Kind is OutcomeKind.Failed or OutcomeKind.Cancelled)
            return new AgentAttempt(false, trajectory?.ImagesUsed ?? 0, SessionFailed: true);

        var png = await store.TryGetAsync(trajectory.FinalImage.Key, cancellationToken)
            ?? throw new InvalidOperationException($"Session {id} names a final image the store does not hold ({trajectory.FinalImage.Key}).");
        return new AgentAttempt(SketchJudge.Judge(png, checklist).Passed, trajectory.ImagesUsed, SessionFailed: false);
    }
}

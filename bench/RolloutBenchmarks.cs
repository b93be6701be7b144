using System.Diagnostics;
using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Sessions;
using GenAgent.Core.Training.Rewards;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Rollouts;
using GenAgent.Workflow.Starting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Bench;

/// <summary>
/// GRPO rollouts with instant fakes (agent, generator, judge) on the Azure Storage engine: the rollout loop's own rate
/// (start, wait, score, resample) and peak memory; the target, from the training issue, is 400 a minute on 2 cores.
/// </summary>
internal static class RolloutBenchmarks
{
    public static async Task ThroughputAsync(int prompts, int group, int concurrency, int rounds)
    {
        using var temp = new TempFolder();
        await using var hosted = await HostedEngine.CreateAsync(
            services =>
            {
                services.AddSingleton<IChatClient>(new InstantAgent(rounds));
                services.AddSingleton<GenAgent.Core.Tools.IImageGenerator>(new InstantGenerator());
                services.AddSingleton<IImageStore>(new LocalImageStore(temp.Path));
            },
            Benchmarks.Azurite("rollouts"));
        var rules = new StartRules(new SessionOptions { MaxImages = rounds });
        var runner = new RolloutRunner(hosted.Engine, new SessionLauncher(hosted.Engine), hosted.Store, new TrajectoryRewards(new InstantJudge()), concurrency);
        var keep = Math.Max(1, group * 2 / 3);

        // A small batch first, so start-up (task hub creation, JIT) is not in the rate.
        await foreach (var _ in runner.RunAsync(Plan(rules, 1, Math.Min(group, 4), 1))) { }
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var ranBefore = runner.Ran;

        var watch = Stopwatch.StartNew();
        var groups = 0;
        await foreach (var _ in runner.RunAsync(Plan(rules, prompts, group, keep))) groups++;
        watch.Stop();
        var ran = runner.Ran - ranBefore;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"Rollouts, {prompts} prompts x group {group} (keep {keep}), {rounds} rounds each, {concurrency} in flight, instant agent, generator and judge, Azure Storage engine on Azurite");
        Console.WriteLine($"  {ran} rollouts, {groups} groups in {watch.Elapsed.TotalSeconds:F1} s: {ran / watch.Elapsed.TotalMinutes:F0} rollouts a minute (target >= 400)");
        Console.WriteLine($"  working set before {before / 1048576} MiB, peak {peak / 1048576} MiB");
        Console.WriteLine();
    }

    private static RolloutPlan Plan(StartRules rules, int prompts, int group, int keep) => new(
        Guid.NewGuid().ToString("N")[..12],
        [.. Enumerable.Range(0, prompts).Select(i => rules.Check($"a photo of {i % 4 + 1} red buses, prompt {i}"))],
        group,
        keep,
        Seed: 0);

    /// <summary>Passes every image at once with a score drawn from its bytes' length, so the reward is the loop's cost only.</summary>
    private sealed class InstantJudge : IImageJudge
    {
        public string Name => "instant";

        public Task<ImageVerdict> JudgeAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ImageVerdict(true, [], Name) { Score = image.Length % 100 / 100.0 });
    }
}

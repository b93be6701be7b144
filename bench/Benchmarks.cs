using System.Diagnostics;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Bench;

internal static class Benchmarks
{
    private const int OverheadSessions = 20;

    private static readonly string[] HardPrompts =
    [
        "A photo of three white boats and one green hot dog",
        "A photo of two orange clocks on the left and a red bus on the right",
        "A photo of a larger bench on the above and a smaller spoon on the below",
        "A photo of two tennis rackets, two broccolis, and three sports balls",
        "A photo of a brown bus, a green truck, and a red skateboard",
        "A photo of four purple cups and two yellow dogs",
    ];

    /// <summary>Time the orchestration spends per round outside the model and the tool, on the in-memory backend.</summary>
    public static async Task LoopOverheadInProcessAsync(int rounds)
    {
        using var temp = new TempFolder();
        await using var engine = await InProcessSessionEngine.CreateAsync(s => AddInstant(s, rounds, temp.Path));
        await MeasureOverheadAsync("in-process engine", engine, rounds, target: "<= 5 ms");
    }

    /// <summary>The same on the Durable Task Framework's Azure Storage backend against Azurite.</summary>
    public static async Task LoopOverheadAzureStorageAsync(int rounds)
    {
        using var temp = new TempFolder();
        await using var hosted = await HostedEngine.CreateAsync(s => AddInstant(s, rounds, temp.Path), Azurite("bench"));
        await MeasureOverheadAsync("Azure Storage engine (Azurite)", hosted.Engine, rounds, target: "<= 40 ms");
    }

    /// <summary>Wall time of offline sessions (the sketch agent, generator and editor) capped at two images.</summary>
    public static async Task OfflineSessionAsync()
    {
        using var temp = new TempFolder();
        await using var engine = await InProcessSessionEngine.CreateAsync(Offline(temp.Path));
        await RunOneAsync(engine, HardPrompts[0], 2); // warm-up: JIT, Skia, the first gRPC channel

        var twoImage = new List<double>();
        var all = new List<double>();
        foreach (var prompt in HardPrompts)
        {
            var watch = Stopwatch.StartNew();
            var trajectory = await RunOneAsync(engine, prompt, 2);
            all.Add(watch.Elapsed.TotalMilliseconds);
            if (trajectory.ImagesUsed == 2) twoImage.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine("Offline session wall time (sketch world, 1024x1024, max 2 images)");
        Console.WriteLine($"  all {all.Count} sessions: median {Median(all):F0} ms");
        Console.WriteLine(twoImage.Count > 0
            ? $"  {twoImage.Count} sessions that used 2 images: median {Median(twoImage):F0} ms"
            : "  no session used 2 images");
        Console.WriteLine();
    }

    /// <summary>
    /// A fleet on the embedded engine: <paramref name="sessions"/> sessions at once with the instant agent and tool, so
    /// the figures are the engine's own (throughput, failures, peak working set; targets from the front-door issue).
    /// </summary>
    public static async Task ConcurrentInProcessSessionsAsync(int sessions, int rounds)
    {
        using var temp = new TempFolder();
        await using var engine = await InProcessSessionEngine.CreateAsync(s => AddInstant(s, rounds, temp.Path));
        await RunOneAsync(engine, "warm-up", rounds);
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;

        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, sessions).Select(i =>
            engine.StartAsync(new SessionRequest(HardPrompts[i % HardPrompts.Length], new SessionOptions { MaxImages = rounds }))));
        var started = watch.Elapsed;
        var results = await Task.WhenAll(ids.Select(id => engine.WaitForCompletionAsync(id)));
        watch.Stop();

        var failed = results.Count(r => r.Trajectory?.Outcome is null or { Kind: OutcomeKind.Failed });
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"{sessions} concurrent sessions on the in-process engine (instant agent and tool, {rounds} rounds each)");
        Console.WriteLine($"  all started after {started.TotalSeconds:F1} s; wall {watch.Elapsed.TotalSeconds:F1} s, {sessions / watch.Elapsed.TotalSeconds:F1} sessions/s (target >= 30)");
        Console.WriteLine($"  failed: {failed} (target 0)");
        Console.WriteLine($"  working set before {before / 1048576} MiB, peak {peak / 1048576} MiB (target <= 1024)");
        Console.WriteLine();
    }

    /// <summary>Many offline sessions at once on the Azure Storage engine: throughput, failures and peak memory.</summary>
    public static async Task ConcurrentOfflineSessionsAsync(int sessions)
    {
        using var temp = new TempFolder();
        await using var hosted = await HostedEngine.CreateAsync(s => s.AddGenAgentCore(Offline(temp.Path)), Azurite("bench"));
        var engine = hosted.Engine;
        await RunOneAsync(engine, HardPrompts[1], 3);
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;

        var options = new SessionOptions { Width = 512, Height = 512 };
        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, sessions).Select(i =>
            engine.StartAsync(new SessionRequest(HardPrompts[i % HardPrompts.Length], options with { Seed = new SeedPolicy(SeedMode.PerTurn, i) }))));
        var results = await Task.WhenAll(ids.Select(id => engine.WaitForCompletionAsync(id)));
        watch.Stop();

        var failed = results.Count(r => r.Trajectory?.Outcome is null or { Kind: OutcomeKind.Failed });
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"{sessions} concurrent offline sessions (512x512, max 3 images, Azure Storage engine on Azurite)");
        Console.WriteLine($"  wall {watch.Elapsed.TotalSeconds:F1} s, {sessions / watch.Elapsed.TotalSeconds:F1} sessions/s, {results.Sum(r => r.Trajectory?.ImagesUsed ?? 0)} images");
        Console.WriteLine($"  failed: {failed} (target 0)");
        Console.WriteLine($"  working set before {before / 1048576} MiB, peak {peak / 1048576} MiB");
        Console.WriteLine();
    }

    private static async Task MeasureOverheadAsync(string name, ISessionEngine engine, int rounds, string target)
    {
        await RunOneAsync(engine, "warm-up", rounds);
        var perRound = new List<double>();
        for (var i = 0; i < OverheadSessions; i++)
        {
            var trajectory = await RunOneAsync(engine, "a red bus", rounds);
            var total = (trajectory.EndedAt!.Value - trajectory.StartedAt!.Value).TotalMilliseconds;
            var work = trajectory.Turns.Sum(t => t.ModelSeconds + t.ToolSeconds) * 1000;
            perRound.Add((total - work) / trajectory.ImagesUsed);
        }
        perRound.Sort();
        Console.WriteLine($"Loop overhead per round, {name} (instant agent and tool, {rounds} rounds a session, {OverheadSessions} sessions)");
        Console.WriteLine($"  median {Median(perRound):F1} ms, p90 {perRound[(int)(perRound.Count * 0.9)]:F1} ms, max {perRound[^1]:F1} ms (target {target})");
        Console.WriteLine();
    }

    private static async Task<Trajectory> RunOneAsync(ISessionEngine engine, string prompt, int maxImages)
    {
        var id = await engine.StartAsync(new SessionRequest(prompt, new SessionOptions { MaxImages = maxImages }));
        var snapshot = await engine.WaitForCompletionAsync(id);
        return snapshot.Trajectory ?? throw new InvalidOperationException($"Session {id} ended without a trajectory: {snapshot.FailureMessage}");
    }

    private static void AddInstant(IServiceCollection services, int rounds, string storePath)
    {
        services.AddSingleton<IChatClient>(new InstantAgent(rounds));
        services.AddSingleton<GenAgent.Core.Tools.IImageGenerator>(new InstantGenerator());
        services.AddSingleton<IImageStore>(new LocalImageStore(storePath));
    }

    /// <summary>The Azure Storage engine on Azurite, in a task hub of its own.</summary>
    internal static AzureStorageEngineOptions Azurite(string prefix) => new("UseDevelopmentStorage=true", $"{prefix}{Guid.NewGuid():N}"[..20]);

    private static GenAgentOptions Offline(string storePath)
    {
        var configuration = new ConfigurationBuilder().AddGenAgentProfiles().Build();
        var options = ProfileConfiguration.Bind(configuration, "offline");
        options.Store.Path = storePath;
        return options;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

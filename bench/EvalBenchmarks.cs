using System.Diagnostics;
using System.Text.Json;

namespace GenAgent.Bench;

/// <summary>
/// <c>genagent eval</c>'s sample rate against servers that take 200 ms per call (agent, generator, judge), sequential
/// and with <c>--concurrency 8</c>, in one run: the ratio is what the figure is for. Each run is the real command in a
/// child process (genagent.dll sits next to the bench), its rate read from the run's summary.json.
/// </summary>
internal static class EvalBenchmarks
{
    public static async Task ThroughputAsync(int prompts)
    {
        await using var servers = await SlowModelServers.StartAsync(TimeSpan.FromMilliseconds(200));
        var perTag = Math.Max(1, prompts / 7);
        Console.WriteLine($"genagent eval, vllm-genagent profile against 200 ms fake servers, {perTag * 7} GenEval++ prompts (2 agent calls, 1 generation, 1 judge call each):");
        var sequential = await RunAsync(servers, perTag, concurrency: 1);
        var parallel = await RunAsync(servers, perTag, concurrency: 8);
        Console.WriteLine($"  --concurrency 8 / sequential: {parallel / sequential:0.0}x (target >= 6x)");
        Console.WriteLine();
    }

    private static async Task<double> RunAsync(SlowModelServers servers, int perTag, int concurrency)
    {
        using var folder = new TempFolder();
        var run = Path.Combine(folder.Path, "run");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Path };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "genagent.dll"));
        foreach (var arg in new[]
                 {
                     "eval", "--agent", "vllm-genagent", "--judge", "geneval-vlm", "--limit", perTag.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--size", "256x256", "--max-images", "2", "--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", run, "--json",
                 })
            info.ArgumentList.Add(arg);
        info.Environment["GenAgent__Profiles__vllm-genagent__Agent__BaseUrl"] = new Uri(servers.Root, "agent/v1").ToString();
        info.Environment["GenAgent__Profiles__vllm-genagent__Generator__BaseUrl"] = servers.Root.ToString();
        info.Environment["GenAgent__Profiles__vllm-genagent__Editor__BaseUrl"] = servers.Root.ToString();
        info.Environment["GenAgent__Judge__BaseUrl"] = new Uri(servers.Root, "judge/v1").ToString();
        info.Environment["GenAgent__Judge__Model"] = "judge";
        info.Environment["GenAgent__Store__Path"] = Path.Combine(folder.Path, "store");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"genagent eval exited {process.ExitCode}: {await stderr}");
        using var summary = JsonDocument.Parse(await stdout);
        var totals = summary.RootElement.GetProperty("totals");
        var rate = totals.GetProperty("samplesPerSecond").GetDouble();
        var outcomes = string.Join(", ", summary.RootElement.GetProperty("configurations")[0].GetProperty("outcomes").EnumerateObject().Select(o => $"{o.Name} {o.Value}"));
        Console.WriteLine($"  --concurrency {concurrency}: {totals.GetProperty("samplesThisRun").GetInt32()} samples in {totals.GetProperty("wallSecondsThisRun").GetDouble():0.0} s = {rate:0.00} samples/s (outcomes {outcomes})");
        return rate;
    }
}

using GenAgent.Bench;

// Prints figures; never asserts a time. Usage:
//   scripts/azurite.sh; dotnet run -c Release --project bench [-- --sessions 200 --rounds 2 --requests 100]
// The Azure Storage figures need Azurite on 127.0.0.1:10000-10002.
var sessions = Args.Int(args, "--sessions", 200);
var rounds = Args.Int(args, "--rounds", 2);

Console.WriteLine($"GenAgent loop benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
Console.WriteLine();
// The Discord ack benchmark needs no Azurite: dotnet run -c Release --project bench -- --discord [--requests 200]
if (args.Contains("--discord"))
{
    await DiscordBenchmarks.AckLatencyAsync(Args.Int(args, "--requests", 200));
    return 0;
}
// The sketch judge's recognition audit needs no Azurite: dotnet run -c Release --project bench -- --sketch [--scenes 500]
if (args.Contains("--sketch"))
{
    SketchBenchmarks.Recognition(Args.Int(args, "--scenes", 500));
    return 0;
}
// genagent eval's sample rate against 200 ms fake servers, needs no Azurite: dotnet run -c Release --project bench -- --eval [--prompts 70]
if (args.Contains("--eval"))
{
    await EvalBenchmarks.ThroughputAsync(Args.Int(args, "--prompts", 70));
    return 0;
}
// The embedded engine's fleet figures need no Azurite: dotnet run -c Release --project bench -- --in-process [--sessions 1000]
if (args.Contains("--in-process"))
{
    await Benchmarks.ConcurrentInProcessSessionsAsync(Args.Int(args, "--sessions", 1000), rounds);
    return 0;
}
if (!Azurite.IsListening())
{
    Console.Error.WriteLine("Azurite is not listening on 127.0.0.1:10000; start it with scripts/azurite.sh.");
    return 2;
}
// GRPO rollouts with instant fakes on the Azure Storage engine: dotnet run -c Release --project bench -- --rollouts [--prompts 64 --group 12 --concurrency 64]
if (args.Contains("--rollouts"))
{
    await RolloutBenchmarks.ThroughputAsync(Args.Int(args, "--prompts", 64), Args.Int(args, "--group", 12), Args.Int(args, "--concurrency", 64), rounds);
    return 0;
}
// Only the session-start latency of the API, on both engines: dotnet run -c Release --project bench -- --api [--requests 100]
if (args.Contains("--api"))
{
    await ApiBenchmarks.StartLatencyAsync(Args.Int(args, "--requests", 100), durable: false);
    await ApiBenchmarks.StartLatencyAsync(Args.Int(args, "--requests", 100), durable: true);
    return 0;
}

await Benchmarks.LoopOverheadInProcessAsync(rounds);
await Benchmarks.LoopOverheadAzureStorageAsync(rounds);
await Benchmarks.OfflineSessionAsync();
await Benchmarks.ConcurrentOfflineSessionsAsync(sessions);
await ApiBenchmarks.StartLatencyAsync(Args.Int(args, "--requests", 100), durable: false);
await ApiBenchmarks.StartLatencyAsync(Args.Int(args, "--requests", 100), durable: true);
return 0;

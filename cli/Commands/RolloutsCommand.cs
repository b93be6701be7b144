using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAgent.Cli.Eval;
using GenAgent.Cli.Hosting;
using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Core.Training.Rewards;
using GenAgent.Workflow.Rollouts;
using GenAgent.Workflow.Starting;

namespace GenAgent.Cli.Commands;

/// <summary>
/// <c>genagent rollouts --prompts &lt;file&gt; --group N --keep K --out &lt;dir&gt;</c>: GRPO rollouts. Every rollout is a
/// session on the engine (durable with <c>--store</c>); each is scored (<see cref="TrajectoryRewards"/>), each group
/// resampled to <c>keep</c> with lengths balanced (<see cref="TrajectoryResampler"/>) and given group-relative
/// advantages. Rollout ids are fixed by the batch, prompt and index, so a killed batch started again skips the groups
/// it wrote and, on the durable engine, waits on the sessions already running instead of running them again.
/// </summary>
internal static class RolloutsCommand
{
    public static Command Create()
    {
        var prompts = new Option<FileInfo>("--prompts") { Description = "One prompt a line, or benchmark JSONL (a \"prompt\" field per line).", Required = true };
        prompts.AcceptExistingOnly();
        var limit = new Option<int?>("--limit") { Description = "Only the first N prompts of the file." };
        var group = new Option<int>("--group") { Description = "Rollouts per prompt (default 12).", DefaultValueFactory = _ => 12 };
        var keep = new Option<int>("--keep") { Description = "Rollouts kept per prompt after resampling (default 8).", DefaultValueFactory = _ => 8 };
        var output = new Option<string>("--out") { Description = "The batch folder: rollouts.jsonl, groups.jsonl, batch.json (default rollouts).", DefaultValueFactory = _ => "rollouts" };
        var concurrency = new Option<int>("--concurrency") { Description = "Rollouts in flight at once (default 8).", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seeds every rollout's tool calls and the resampling (default 0).", DefaultValueFactory = _ => 0 };
        var maxImages = new Option<int?>("--max-images") { Description = "Most images a rollout may make (default: the profile's)." };
        var temperature = new Option<float?>("--temperature") { Description = "The policy's sampling temperature (default: the profile's GenAgent:Agent:Temperature)." };
        var topP = new Option<float?>("--top-p") { Description = "The policy's nucleus sampling, above 0 and at most 1 (default: none sent, the server's)." };
        var judge = CommonOptions.Judge("The reward's judge");
        var profile = CommonOptions.Profile();
        profile.Description = "The policy: a profile whose agent is the trainer's OpenAI-compatible server (vLLM with the current weights); default offline.";
        var store = CommonOptions.Store();
        var taskHub = CommonOptions.TaskHub();
        var command = new Command("rollouts", "Run GRPO rollouts: a group of sessions per prompt, scored, resampled by length, with group-relative advantages.")
        {
            prompts, limit, group, keep, output, concurrency, seed, maxImages, temperature, topP, judge, profile, store, taskHub,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new Settings(
            parse.GetValue(prompts)!, parse.GetValue(limit), parse.GetValue(group), parse.GetValue(keep), parse.GetValue(output)!, parse.GetValue(concurrency), parse.GetValue(seed),
            parse.GetValue(maxImages), parse.GetValue(temperature), parse.GetValue(topP), parse.GetValue(judge)!, parse.GetValue(profile), parse.GetValue(store), parse.GetValue(taskHub)!), cancellationToken));
        return command;
    }

    private sealed record Settings(
        FileInfo Prompts, int? Limit, int Group, int Keep, string Out, int Concurrency, int Seed, int? MaxImages, float? Temperature, float? TopP, string Judge, string? Profile, string? Store, string TaskHub);

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        if (RolloutPlan.Problems(settings.Group, settings.Keep) is [var (_, problem), ..]) throw new CliException("--" + problem);
        if (settings.Concurrency is < 1 or > RolloutPlan.MaxGroup) throw new CliException($"--concurrency {settings.Concurrency} must be between 1 and {RolloutPlan.MaxGroup}.");
        if (RolloutPlan.WithSampling(new SessionOptions(), settings.Temperature, settings.TopP).Problems is [_, ..] sampling)
            throw new CliException($"{string.Join(" ", sampling)} (--temperature, --top-p)");
        if (settings.Limit is < 1) throw new CliException($"--limit {settings.Limit} must be at least 1.");
        var prompts = ReadPrompts(settings.Prompts);
        if (settings.Limit is { } limit && limit < prompts.Count) prompts = prompts[..limit];
        var judgeName = JudgeCatalog.Canonical(settings.Judge);

        var configuration = CliConfiguration.Build();
        var (_, options) = CliConfiguration.Resolve(configuration, settings.Profile);
        var protocol = CliConfiguration.Protocol(options);
        var rules = CliConfiguration.Api(configuration, options).Rules;
        var requests = prompts.Select((prompt, index) => Checked(rules, prompt, index, settings)).ToList();

        var folder = Path.GetFullPath(settings.Out);
        Directory.CreateDirectory(folder);
        var plan = new RolloutPlan(Batch(folder, settings, prompts, judgeName), requests, settings.Group, settings.Keep, settings.Seed);
        var done = DoneGroups(folder);

        await using var judge = JudgeCatalog.Create(judgeName, options);
        await using var host = await EngineFactory.CreateAsync(options, settings.Store, settings.TaskHub, cancellationToken);
        var runner = new RolloutRunner(host.Engine, new SessionLauncher(host.Engine), host.Store, new TrajectoryRewards(judge.Judge), settings.Concurrency);
        if (done.Count > 0) Console.Error.WriteLine($"genagent: resuming batch {plan.Batch}: {done.Count} of {prompts.Count} groups already written.");
        var clock = Stopwatch.StartNew();
        var summaries = new List<JsonObject>();
        try
        {
            await foreach (var group in runner.RunAsync(plan, done, cancellationToken))
            {
                // The rollouts first, then the group line that marks them done; a kill between the two leaves lines of an
                // unmarked group, which the next start drops before it runs the group again (DoneGroups).
                var lines = RolloutLines.Of(group, protocol).ToList();
                await File.AppendAllTextAsync(Path.Combine(folder, "rollouts.jsonl"), string.Concat(lines[..^1]), CancellationToken.None);
                await File.AppendAllTextAsync(Path.Combine(folder, "groups.jsonl"), lines[^1], CancellationToken.None);
                summaries.Add(RolloutLines.Group(group));
            }
        }
        catch (RolloutFailedException failed)
        {
            throw new CliException(failed.Message);
        }
        clock.Stop();

        foreach (var summary in summaries.OrderBy(g => g["promptIndex"]!.GetValue<int>())) await Console.Out.WriteLineAsync(RolloutLines.Summary(summary));
        var minutes = Math.Max(clock.Elapsed.TotalMinutes, 1e-9);
        await Console.Out.WriteLineAsync(
            $"{runner.Ran} rollouts in {clock.Elapsed.TotalSeconds:0.0} s ({runner.Ran / minutes:0} a minute); {summaries.Count} groups written, {done.Count} already there; {Path.Combine(folder, "rollouts.jsonl")}");
        return ExitCodes.Ok;
    }

    private static SessionRequest Checked(StartRules rules, string prompt, int index, Settings settings)
    {
        try
        {
            var request = rules.Check(prompt, new StartOptions { MaxImages = settings.MaxImages });
            return request with { Options = RolloutPlan.WithSampling(request.Options, settings.Temperature, settings.TopP).Options };
        }
        catch (InvalidStartException invalid)
        {
            throw new CliException($"--prompts line {index + 1}: {invalid.Message}");
        }
    }

    private static List<string> ReadPrompts(FileInfo file)
    {
        var prompts = new List<string>();
        foreach (var (line, number) in File.ReadLines(file.FullName).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0) continue;
            if (!line.StartsWith('{'))
            {
                prompts.Add(line);
                continue;
            }
            try
            {
                using var json = JsonDocument.Parse(line);
                prompts.Add(json.RootElement.GetProperty("prompt").GetString() ?? throw new CliException($"--prompts line {number}: \"prompt\" is null."));
            }
            catch (Exception bad) when (bad is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new CliException($"--prompts line {number} is neither a prompt nor a JSON line with a \"prompt\" string: {bad.Message}");
            }
        }
        return prompts.Count > 0 ? prompts : throw new CliException($"--prompts '{file.FullName}' holds no prompt.");
    }

    /// <summary>The batch's id, fixed in batch.json with what it was started with; a different batch in the folder is refused.</summary>
    private static string Batch(string folder, Settings settings, IReadOnlyList<string> prompts, string judge)
    {
        var path = Path.Combine(folder, "batch.json");
        var fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{settings.Group}|{settings.Keep}|{settings.Seed}|{settings.MaxImages}|{settings.Temperature}{(settings.TopP is { } topP ? $"|top-p {topP}" : "")}|{settings.Profile}|{judge}|{string.Join('\n', prompts)}")))[..12].ToLowerInvariant();
        if (File.Exists(path))
        {
            var known = JsonNode.Parse(File.ReadAllText(path))!;
            if (known["fingerprint"]?.GetValue<string>() != fingerprint)
                throw new CliException($"--out '{settings.Out}' holds another batch (other prompts or settings); use a new folder.");
            return known["batch"]!.GetValue<string>();
        }
        // A batch id of its own, not the fingerprint: a new folder on the same durable task hub (the next training step,
        // new weights) must never find the sessions of an earlier batch.
        var batch = Guid.NewGuid().ToString("N")[..12];
        File.WriteAllText(path, new JsonObject
        {
            ["batch"] = batch,
            ["fingerprint"] = fingerprint,
            ["group"] = settings.Group,
            ["keep"] = settings.Keep,
            ["seed"] = settings.Seed,
            ["prompts"] = prompts.Count,
            ["profile"] = settings.Profile,
            ["judge"] = judge,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return batch;
    }

    /// <summary>
    /// The groups groups.jsonl marks written. A kill mid-append leaves a broken last line, and rollout lines of a group
    /// that was never marked; both files are rewritten without them (through a temporary file, so a kill then loses
    /// nothing) before the batch goes on.
    /// </summary>
    private static HashSet<int> DoneGroups(string folder)
    {
        var groups = Path.Combine(folder, "groups.jsonl");
        var marked = WholeLines(groups);
        Rewrite(groups, marked);
        HashSet<int> done = [.. marked.Select(l => l.Node["promptIndex"]!.GetValue<int>())];
        var rollouts = Path.Combine(folder, "rollouts.jsonl");
        Rewrite(rollouts, [.. WholeLines(rollouts).Where(l => done.Contains(l.Node["promptIndex"]!.GetValue<int>()))]);
        return done;
    }

    private static List<(string Text, JsonNode Node)> WholeLines(string path)
    {
        var lines = new List<(string, JsonNode)>();
        if (!File.Exists(path)) return lines;
        foreach (var line in File.ReadAllLines(path))
        {
            try
            {
                if (line.Length > 0 && JsonNode.Parse(line) is JsonObject node && node["promptIndex"] is not null) lines.Add((line, node));
            }
            catch (JsonException)
            {
                // The half-written line of a killed append.
            }
        }
        return lines;
    }

    private static void Rewrite(string path, IReadOnlyList<(string Text, JsonNode Node)> lines)
    {
        if (!File.Exists(path)) return;
        var text = string.Concat(lines.Select(l => l.Text + "\n"));
        if (text == File.ReadAllText(path)) return;
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}

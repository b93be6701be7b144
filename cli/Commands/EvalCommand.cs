using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using GenAgent.Cli.Eval;
using GenAgent.Cli.Hosting;
using GenAgent.Cli.Output;
using GenAgent.Core.Configuration;
using GenAgent.Core.Judging.Wise;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary>
/// <c>genagent eval</c>: a benchmark over one or more configurations (agent profile x generator profile, and the bare
/// generator with <c>--bare</c>), every image judged so one run gives the score after each round. The run folder holds
/// <c>run.json</c>, <c>results.jsonl</c> (one line per finished sample), the images, <c>summary.json</c>,
/// <c>summary.md</c> and <c>report.html</c>; <c>--resume</c> continues it, <c>--rejudge</c> scores it with another judge.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The sketch world decides at 256 px what it decides at 1024 px, 16 times faster.</summary>
    private static readonly ImageSize OfflineSize = new(256, 256);

    public static Command Create()
    {
        var benchmark = new Option<string>("--benchmark") { Description = $"{string.Join(", ", EvalBenchmark.Names)}, or a JSONL file in the GenEval line format.", DefaultValueFactory = _ => EvalBenchmark.Default };
        var data = new Option<string?>("--data") { Description = "With --benchmark wise: your WISE JSON file (items with Prompt, Explanation, Category)." };
        var judge = CommonOptions.Judge("The benchmark's judge");
        var agents = new Option<string[]>("--agent") { Description = "Agent profile(s) to evaluate (repeat the flag); default offline.", AllowMultipleArgumentsPerToken = true };
        var generators = new Option<string[]>("--generator") { Description = "Generator profile(s) whose generator and editor the agents use (cross-tool; repeat the flag); default each agent's own.", AllowMultipleArgumentsPerToken = true };
        var bare = new Option<bool>("--bare") { Description = "Also score each generator alone on the raw prompt, one image (the paper's baseline)." };
        var maxImages = CommonOptions.Range("--max-images", "Images per session; the report scores every round up to it (default 3)", 1, 10);
        var limit = CommonOptions.Range("--limit", "Prompts per tag, first ones first (default all)", 1, 100_000);
        var size = new Option<ImageSize?>("--size")
        {
            Description = "Image size WIDTHxHEIGHT (default the agent protocol's size; 256x256 in the offline world).",
            CustomParser = result =>
            {
                if (ImageSize.TryParse(result.Tokens[0].Value, out var parsed, out var error)) return parsed;
                result.AddError(error);
                return null;
            },
        };
        var concurrency = CommonOptions.Range("--concurrency", $"Sessions side by side (default {DefaultConcurrency})", 1, 64);
        var outFolder = new Option<string?>("--out", "-o") { Description = "The run folder (default out/eval-<timestamp>)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this folder: what is done is neither generated nor judged again." };
        var rejudge = new Option<string?>("--rejudge") { Description = "Score the stored images of this run folder again with --judge, into --out (default <run>-<judge>), without generating." };
        var json = CommonOptions.Json();
        var command = new Command("eval", "Score agent and generator configurations on a benchmark, after every round, into a resumable run folder with a report.")
        {
            benchmark, data, judge, agents, generators, bare, maxImages, limit, size, concurrency, outFolder, resume, rejudge, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var fixedByRun = new Option[] { benchmark, data, agents, generators, bare, maxImages, limit, size };
            var flags = new EvalFlags(
                parse.GetValue(benchmark)!, parse.GetValue(data), parse.GetValue(judge)!, parse.GetValue(agents) ?? [], parse.GetValue(generators) ?? [],
                parse.GetValue(bare), parse.GetValue(maxImages), parse.GetValue(limit), parse.GetValue(size), parse.GetValue(concurrency) ?? DefaultConcurrency,
                parse.GetValue(outFolder), parse.GetValue(resume), parse.GetValue(rejudge), parse.GetValue(json),
                fixedByRun.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList(),
                parse.GetResult(judge) is { Implicit: false });
            return EvalAsync(flags, cancellationToken);
        });
        return command;
    }

    private static int DefaultConcurrency => Math.Clamp(Environment.ProcessorCount, 1, 8);

    private sealed record EvalFlags(
        string Benchmark, string? Data, string Judge, string[] Agents, string[] Generators, bool Bare, int? MaxImages, int? Limit, ImageSize? Size,
        int Concurrency, string? Out, string? Resume, string? Rejudge, bool Json, IReadOnlyList<string> PlanFlagsGiven, bool JudgeGiven);

    private static async Task<int> EvalAsync(EvalFlags flags, CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.Build();
        var (plan, folder) = Plan(flags, configuration);
        var benchmark = EvalBenchmark.Load(plan.IsWise ? EvalBenchmark.Wise : plan.BenchmarkPath, plan.IsWise ? plan.BenchmarkPath : null).Limit(plan.Limit);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, EvalPlan.FileName), JsonSerializer.Serialize(plan, EvalJson.Indented.EvalPlan), CancellationToken.None);

        var results = new EvalResultsFile(Path.Combine(folder, EvalResultsFile.FileName));
        var done = results.Read();
        var source = plan.RejudgeOf is { } of ? new EvalResultsFile(Path.Combine(of, EvalResultsFile.FileName)).Read() : null;
        var pending = EvalRunner.Pending(plan, benchmark.Items, done, source);
        // The sessions' own image store, gone after the run: what the judge saw is kept in the run folder.
        var scratch = Path.Combine(Path.GetTempPath(), $"genagent-eval-{Guid.NewGuid():N}");
        var optionsByConfiguration = plan.Configurations.ToDictionary(c => c, c => Options(configuration, c, plan.RejudgeOf is null, scratch));
        var judgeOptions = CliConfiguration.Resolve(configuration, plan.Configurations[0].Agent).Options;
        var console = CliConsole.For(flags.Json);

        // Ctrl+C or SIGTERM stops the run with what is finished kept (the engines' hosts also catch these signals and stop,
        // so the run must stop with them rather than wait on them); a second Ctrl+C quits at once.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            if (stop.IsCancellationRequested) Environment.Exit(ExitCodes.Cancelled);
            Console.Error.WriteLine("genagent: stopping; finished samples are kept (Ctrl+C again to quit now)");
            stop.Cancel();
        }

        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        cancellationToken = stop.Token;
        var started = Environment.TickCount64;
        var finished = 0;
        var interrupted = false;
        try
        {
            await using var lease = JudgeCatalog.Create(plan.Judge, judgeOptions);
            var runner = new EvalRunner(plan, folder, lease.Judge, results, flags.Concurrency);
            var live = new Dictionary<string, EvalResult>(done, StringComparer.Ordinal);
            try
            {
                await console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask(Describe(0, pending.Count, 0, live), maxValue: Math.Max(1, pending.Count));
                        var gate = new Lock();
                        await runner.RunAsync(pending, c => optionsByConfiguration[c], source, result =>
                        {
                            lock (gate)
                            {
                                live[result.Key] = result;
                                finished++;
                                task.Increment(1);
                                task.Description = Describe(finished, pending.Count, (Environment.TickCount64 - started) / 1000.0, live);
                            }
                        }, cancellationToken);
                    });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
            }
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }

        var wall = (Environment.TickCount64 - started) / 1000.0;
        var all = results.Read();
        var summary = EvalScoring.Summarize(plan, benchmark.Items, all, finished, wall);
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.json"), JsonSerializer.Serialize(summary, EvalJson.Indented.EvalSummary), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder, EvalMarkdown.FileName), EvalMarkdown.Render(summary), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder, EvalReportPage.FileName), EvalReportPage.Render(summary, all, folder), CancellationToken.None);

        if (flags.Json) await Console.Out.WriteLineAsync(JsonSerializer.Serialize(summary, EvalJson.Indented.EvalSummary));
        else Print(console, summary, folder);
        if (interrupted)
        {
            Console.Error.WriteLine($"genagent: interrupted after {finished} of {pending.Count} samples; continue with: genagent eval --resume {folder}");
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The run's plan and folder: new from the flags, read back from a run folder (<c>--resume</c>), or a re-judging of one.</summary>
    private static (EvalPlan Plan, string Folder) Plan(EvalFlags flags, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        if (flags.Resume is not null && flags.Rejudge is not null) throw new CliException("--resume and --rejudge do not go together; resume a re-judging run with --resume <its folder>.");
        if (flags.Resume is not null)
        {
            if (flags.PlanFlagsGiven.Count > 0 || flags.JudgeGiven || flags.Out is not null)
                throw new CliException($"--resume continues the run as it was planned; drop {string.Join(", ", flags.PlanFlagsGiven.Concat(flags.JudgeGiven ? ["--judge"] : []).Concat(flags.Out is not null ? ["--out"] : []))}.");
            var folder = Path.GetFullPath(flags.Resume);
            return (ReadPlan(folder, "--resume"), folder);
        }

        if (flags.Rejudge is not null)
        {
            if (flags.PlanFlagsGiven.Count > 0) throw new CliException($"--rejudge keeps the run's benchmark and configurations; drop {string.Join(", ", flags.PlanFlagsGiven)}.");
            if (!flags.JudgeGiven) throw new CliException("--rejudge needs --judge: the judge to score the stored images with.");
            var sourceFolder = Path.GetFullPath(flags.Rejudge);
            var sourcePlan = ReadPlan(sourceFolder, "--rejudge");
            var judge = JudgeCatalog.Canonical(flags.Judge);
            CheckJudge(judge, sourcePlan.IsWise);
            var target = Path.GetFullPath(flags.Out ?? $"{sourceFolder.TrimEnd(Path.DirectorySeparatorChar)}-{judge}");
            RefuseExisting(target);
            return (sourcePlan with { Judge = judge, RejudgeOf = sourceFolder }, target);
        }

        var judgeName = JudgeCatalog.Canonical(flags.Judge);
        CheckJudge(judgeName, flags.Benchmark.Equals(EvalBenchmark.Wise, StringComparison.OrdinalIgnoreCase));
        var benchmark = EvalBenchmark.Load(flags.Benchmark, flags.Data);
        var agentProfiles = flags.Agents.Length > 0 ? flags.Agents.Distinct(StringComparer.Ordinal).ToList() : [configuration[ProfileConfiguration.ProfileKey] ?? ProfileConfiguration.DefaultProfile];
        var configurations = new List<EvalConfiguration>();
        var generatorProfiles = flags.Generators.Length > 0 ? flags.Generators.Distinct(StringComparer.Ordinal).ToList() : null;
        if (flags.Bare) configurations.AddRange((generatorProfiles ?? agentProfiles).Select(g => new EvalConfiguration(g, g, Bare: true)));
        foreach (var agent in agentProfiles)
            configurations.AddRange((generatorProfiles ?? [agent]).Select(g => new EvalConfiguration(agent, g, Bare: false)));

        // The size every configuration uses, so their scores compare: the flag, else the first agent's protocol size.
        var first = Options(configuration, configurations[^1], checkProtocol: false, scratch: Path.GetTempPath());
        var size = flags.Size ?? (first.Agent.Backend == BackendNames.Sketch ? OfflineSize : new ImageSize(first.SessionDefaults().Width, first.SessionDefaults().Height));
        var runFolder = Path.GetFullPath(flags.Out ?? Path.Combine("out", $"eval-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        RefuseExisting(runFolder);
        return (new EvalPlan(benchmark.Name, benchmark.Path, benchmark.IsWise, judgeName, size.Width, size.Height, flags.MaxImages ?? 3, flags.Limit, configurations), runFolder);
    }

    private static void CheckJudge(string judge, bool wise)
    {
        if (wise && !JudgeCatalog.IsWise(judge)) throw new CliException($"--benchmark wise is scored by a WISE judge: use --judge {WiseLegacyJudge.JudgeName} (the paper's numbers) or {WiseVerifiedJudge.JudgeName}.");
        if (!wise && JudgeCatalog.IsWise(judge)) throw new CliException($"--judge {judge} scores WISE prompts: use it with --benchmark wise --data <file>.");
    }

    private static void RefuseExisting(string folder)
    {
        if (File.Exists(Path.Combine(folder, EvalPlan.FileName)))
            throw new CliException($"{folder} already holds a run; continue it with --resume {folder}, or choose another --out.");
    }

    private static EvalPlan ReadPlan(string folder, string flag)
    {
        var path = Path.Combine(folder, EvalPlan.FileName);
        if (!File.Exists(path)) throw new CliException($"{flag} '{folder}' holds no run ({EvalPlan.FileName} is missing).");
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), EvalJson.Default.EvalPlan) ?? throw new JsonException("empty");
        }
        catch (JsonException bad)
        {
            throw new CliException($"{path} cannot be read ({bad.Message}).");
        }
    }

    /// <summary>The agent profile's options with the generator profile's generator and editor; sessions keep their images in a scratch store.</summary>
    private static GenAgentOptions Options(Microsoft.Extensions.Configuration.IConfiguration configuration, EvalConfiguration run, bool checkProtocol, string scratch)
    {
        var options = CliConfiguration.Resolve(configuration, run.Agent).Options;
        if (run.Generator != run.Agent)
        {
            var tools = CliConfiguration.Resolve(configuration, run.Generator).Options;
            options.Generator = tools.Generator;
            options.Editor = tools.Editor;
        }

        if (checkProtocol && !run.Bare) CliConfiguration.Protocol(options);
        options.Store.Kind = "local";
        options.Store.Path = Path.Combine(scratch, run.Folder);
        return options;
    }

    private static string Describe(int finished, int total, double seconds, IReadOnlyDictionary<string, EvalResult> results)
    {
        var rate = seconds > 0 ? finished / seconds * 60 : 0;
        var score = results.Count == 0 ? 0 : results.Values.Average(r => r.Final);
        return string.Create(CultureInfo.InvariantCulture, $"{finished}/{total} samples · {rate:0.0}/min · mean final score {score:0.000}");
    }

    private static void Print(IAnsiConsole console, EvalSummary summary, string folder)
    {
        var table = new Table().Title($"{Markup.Escape(summary.Benchmark)}: {summary.Prompts} prompts at {summary.Size}, judge {Markup.Escape(summary.Judge)}");
        table.AddColumn("configuration").AddColumn(new TableColumn("n").RightAligned());
        for (var r = 1; r <= summary.MaxImages; r++) table.AddColumn(new TableColumn($"round {r}").RightAligned());
        table.AddColumn(new TableColumn("final").RightAligned()).AddColumn(new TableColumn("images").RightAligned()).AddColumn("paper");
        foreach (var c in summary.Configurations)
        {
            var cells = new List<string> { Markup.Escape(c.Name), c.Samples.ToString(CultureInfo.InvariantCulture) };
            for (var r = 0; r < summary.MaxImages; r++) cells.Add(r < c.ByRound.Count ? F(c.ByRound[r]) : "");
            cells.Add($"[bold]{F(c.Overall)}[/]");
            cells.Add(c.MeanImages.ToString("0.00", CultureInfo.InvariantCulture));
            cells.Add(c.Paper is { } p ? Markup.Escape($"{F(p.Value)} {p.What}") : "");
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        var tags = new Table().Title("final score per tag (mean images)");
        tags.AddColumn("tag");
        foreach (var c in summary.Configurations) tags.AddColumn(new TableColumn(Markup.Escape(c.Name)).RightAligned());
        foreach (var tag in summary.Tags)
            tags.AddRow(summary.Configurations.Select(c => c.Tags.FirstOrDefault(t => t.Tag == tag) is { } row ? $"{F(row.Final)} ({row.MeanImages.ToString("0.00", CultureInfo.InvariantCulture)})" : "").Prepend(Markup.Escape(tag)).ToArray());
        console.Write(tags);
        if (summary.Simulated) console.MarkupLine("[grey]simulated: the offline sketch world judged by the pixels; not comparable with the paper's numbers.[/]");
        foreach (var c in summary.Configurations.Where(c => !c.Bare))
            console.MarkupLine($"[grey]{Markup.Escape(c.Name)}: the agent's own eye gave {c.AgentEye.Judged} verdicts, {c.AgentEye.Missed} missed flaws, {c.AgentEye.FalseAlarms} false alarms; outcomes {Markup.Escape(string.Join(", ", c.Outcomes.Select(o => $"{o.Key} {o.Value}")))}.[/]");
        var t = summary.Totals;
        console.MarkupLine($"[grey]spent: agent tokens {t.AgentInputTokens}/{t.AgentOutputTokens}, {t.Images} images, tool cost ${t.ToolCost.ToString("0.00", CultureInfo.InvariantCulture)}, {t.JudgeCalls} judge calls ({t.JudgeInputTokens}/{t.JudgeOutputTokens} tokens); {t.SamplesThisRun} samples in {t.WallSecondsThisRun.ToString("0.0", CultureInfo.InvariantCulture)} s.[/]");
        foreach (var warning in summary.Warnings) console.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
        console.MarkupLine($"report: {Markup.Escape(Path.Combine(folder, EvalReportPage.FileName))}");
    }

    private static string F(double score) => score.ToString("0.000", CultureInfo.InvariantCulture);
}

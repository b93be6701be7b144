using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenAgent.Cli.Eval;
using GenAgent.Cli.Hosting;
using GenAgent.Cli.Output;
using GenAgent.Core.Benchmarks;
using GenAgent.Core.Configuration;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary>
/// <c>genagent eval</c>: GenEval++ pass rates of the bare sketch generator vs the agent capped at 1, 2 and 3 images,
/// offline, judged from the pixels of each final image.
/// </summary>
internal static class EvalCommand
{
    private static readonly int[] Caps = [1, 2, 3];

    public static Command Create()
    {
        var benchmark = new Option<string?>("--benchmark") { Description = $"A GenEval-style JSONL file (default {BenchmarkLocator.DefaultRelativePath} beside the repository)." };
        var limit = CommonOptions.Range("--limit", "Prompts per tag, first ones first (default all)", 1, 100_000);
        var size = CommonOptions.Size("256x256");
        var json = CommonOptions.Json();
        var command = new Command("eval", "Score the bare sketch generator against the agent at 1, 2 and 3 images on a benchmark (offline).")
        {
            benchmark, limit, size, json,
        };
        command.SetAction((parse, cancellationToken) => EvalAsync(
            parse.GetValue(benchmark), parse.GetValue(limit), parse.GetValue(size), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> EvalAsync(string? benchmarkFlag, int? perTag, ImageSize size, bool json, CancellationToken cancellationToken)
    {
        var path = BenchmarkLocator.Resolve(benchmarkFlag);
        IReadOnlyList<BenchmarkItem> items;
        try
        {
            items = BenchmarkSet.Load(path);
        }
        catch (FormatException bad)
        {
            throw new CliException(bad.Message);
        }

        if (perTag is { } n) items = items.GroupBy(i => i.Tag, StringComparer.Ordinal).SelectMany(g => g.Take(n)).ToList();
        var console = CliConsole.For(json);

        var (_, options) = CliConfiguration.Resolve(CliConfiguration.Build(), ProfileConfiguration.DefaultProfile);
        var scratch = Directory.CreateTempSubdirectory("genagent-eval-");
        options.Store.Kind = "local";
        options.Store.Path = scratch.FullName;
        try
        {
            await using var lanes = new AsyncDisposables<SessionHost>();
            for (var i = 0; i < EvalRunner.LaneCount; i++)
                lanes.Add(await EngineFactory.CreateAsync(options, durableStore: null, CommonOptions.DefaultTaskHub, cancellationToken));
            var runner = new EvalRunner(lanes.Items, size, Caps);
            IReadOnlyList<EvalSample> samples = [];
            await console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask($"{items.Count} prompts", maxValue: items.Count);
                samples = await runner.RunAsync(items, () => task.Increment(1), cancellationToken);
            });

            var report = EvalScoring.Score(path, size.ToString(), Caps, samples);
            if (json) await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Default.EvalReport));
            else Print(console, report);
            return ExitCodes.Ok;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static void Print(IAnsiConsole console, EvalReport report)
    {
        var table = new Table().Title($"{Path.GetFileName(report.Benchmark)}: {report.Prompts} prompts at {report.Size}, pass rate");
        table.AddColumn("tag").AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("bare generator").RightAligned());
        foreach (var cap in report.Caps) table.AddColumn(new TableColumn($"agent ≤{cap} image{(cap == 1 ? "" : "s")}").RightAligned());
        foreach (var row in report.Tags) AddRow(table, row, bold: false);
        AddRow(table, report.Overall, bold: true);
        var images = new List<string> { "", "", "[grey]mean images used[/]" };
        images.AddRange(report.MeanImagesUsed.Select(m => m.ToString("0.00", CultureInfo.InvariantCulture)));
        table.AddRow(images.ToArray());
        console.Write(table);
        console.MarkupLine("[grey]overall = mean of the tag accuracies; judged by SketchJudge on each final image.[/]");
        var eye = report.AgentEye;
        console.MarkupLine($"[grey]the agent's own eye (≤{report.Caps[^1]} images): {eye.Judged} verdicts, {eye.Missed} missed flaws (done on an image the evaluator fails), {eye.FalseAlarms} false alarms (went on from an image the evaluator passes).[/]");
        if (report.FailedSessions > 0) console.MarkupLine($"[yellow]{report.FailedSessions} agent session(s) failed and count as not passed.[/]");
    }

    private static void AddRow(Table table, EvalRow row, bool bold)
    {
        var cells = new List<string> { Markup.Escape(row.Tag), row.Prompts.ToString(CultureInfo.InvariantCulture), Percent(row.Bare) };
        cells.AddRange(row.Agent.Select(Percent));
        table.AddRow(cells.Select(c => bold ? $"[bold]{c}[/]" : c).ToArray());
    }

    private static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);
}

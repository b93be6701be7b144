using System.Globalization;
using System.Text.Json;
using GenAgent.Cli.Hosting;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using Spectre.Console;

namespace GenAgent.Cli.Output;

/// <summary>Turns an ended session into files, a summary (or the JSON result) and an exit code.</summary>
internal static class SessionFinisher
{
    public static async Task<int> FinishAsync(SessionSnapshot snapshot, HostedEngine host, OutFolder output, IAnsiConsole console, bool json, CancellationToken cancellationToken)
    {
        var trajectory = snapshot.Trajectory ?? throw new CliException(
            $"session {snapshot.SessionId} ended {snapshot.Status.ToString().ToLowerInvariant()} without a result: {snapshot.FailureMessage ?? "no reason recorded"}",
            ExitCodes.Failed);
        var outcome = trajectory.Outcome ?? throw new CliException($"session {snapshot.SessionId} has no outcome.", ExitCodes.Failed);

        var written = await SessionWriter.WriteAsync(trajectory, host.Store, output, cancellationToken);
        var result = RunResult.From(trajectory, written);
        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, CliJson.Default.RunResult));
        }
        else
        {
            PrintSummary(console, trajectory, written);
        }

        var code = ExitCodeOf(outcome.Kind);
        if (code != ExitCodes.Ok || outcome.Kind == OutcomeKind.Fallback)
            await Console.Error.WriteLineAsync($"genagent: session {trajectory.SessionId} {Label(outcome.Kind)}: {outcome.Reason ?? "no reason recorded"}");
        return code;
    }

    internal static int ExitCodeOf(OutcomeKind kind) => kind switch
    {
        // A fallback still leaves an image (the reference client scores it too); the reason goes to stderr.
        OutcomeKind.Done or OutcomeKind.ImageBudgetReached or OutcomeKind.TurnBudgetReached or OutcomeKind.CostBudgetReached or OutcomeKind.Fallback => ExitCodes.Ok,
        OutcomeKind.Cancelled => ExitCodes.Cancelled,
        OutcomeKind.Failed => ExitCodes.Failed,
        _ => throw new InvalidOperationException($"Unknown outcome {kind}."),
    };

    internal static string Label(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => "done",
        OutcomeKind.ImageBudgetReached => "stopped: image budget reached",
        OutcomeKind.TurnBudgetReached => "stopped: turn budget reached",
        OutcomeKind.CostBudgetReached => "stopped: cost budget reached",
        OutcomeKind.Cancelled => "cancelled",
        OutcomeKind.Failed => "failed",
        OutcomeKind.Fallback => "fallback: a direct generation from the prompt",
        _ => throw new InvalidOperationException($"Unknown outcome {kind}."),
    };

    /// <summary>Effort high: each candidate, what made it differ, and each comparison with its winner and reasoning.</summary>
    private static void PrintCandidates(IAnsiConsole console, Trajectory trajectory)
    {
        foreach (var c in trajectory.Candidates ?? [])
        {
            var temperature = c.Temperature is { } t ? t.ToString("0.##", CultureInfo.InvariantCulture) : "configured";
            var won = c.FinalImage is not null && c.FinalImage.Key == trajectory.FinalImage?.Key ? " [green]winner[/]" : "";
            console.MarkupLine($"[grey]candidate {c.Index}[/] {Markup.Escape(Label(c.Outcome.Kind))}, {c.ImagesUsed} images, temperature {temperature}, seed base {c.SeedBase}{won}");
        }

        foreach (var m in trajectory.Comparisons ?? [])
        {
            var how = m.Fallback ? " (no verdict: fewer images won)" : "";
            var why = string.IsNullOrWhiteSpace(m.Reasoning) ? "" : ": " + Markup.Escape(m.Reasoning);
            console.MarkupLine($"[grey]round {m.Round}[/] candidate {m.CandidateA} vs {m.CandidateB} -> {m.Winner}{how}{why}");
        }
    }

    private static void PrintSummary(IAnsiConsole console, Trajectory trajectory, WrittenSession written)
    {
        var outcome = trajectory.Outcome!;
        var color = ExitCodeOf(outcome.Kind) == ExitCodes.Ok ? "green" : "red";
        console.WriteLine();
        console.MarkupLine($"[{color} bold]{Markup.Escape(Label(outcome.Kind))}[/]{(outcome.Reason is null ? "" : " " + Markup.Escape(outcome.Reason))}");
        console.MarkupLine($"[grey]images used[/] {trajectory.ImagesUsed}  [grey]turns[/] {trajectory.Turns.Count}  " +
            $"[grey]tokens[/] {trajectory.Usage.InputTokens} in / {trajectory.Usage.OutputTokens} out  [grey]tool cost[/] {trajectory.ToolCost:0.00##} USD");
        PrintCandidates(console, trajectory);
        if (written.FinalImage is not null) console.MarkupLine($"[grey]final image[/]  {Markup.Escape(written.FinalImage)}");
        console.MarkupLine($"[grey]report[/]       {Markup.Escape(written.Report)}");
        console.MarkupLine($"[grey]trajectory[/]   {Markup.Escape(written.Trajectory)}");
    }
}

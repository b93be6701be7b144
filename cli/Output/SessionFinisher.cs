using System.Text.Json;
using GenAgent.Cli.Hosting;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using Spectre.Console;

namespace GenAgent.Cli.Output;

/// <summary>Turns an ended session into files, a summary (or the JSON result) and an exit code.</summary>
internal static class SessionFinisher
{
    public static async Task<int> FinishAsync(SessionSnapshot snapshot, SessionHost host, OutFolder output, IAnsiConsole console, bool json, CancellationToken cancellationToken)
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

    private static void PrintSummary(IAnsiConsole console, Trajectory trajectory, WrittenSession written)
    {
        var outcome = trajectory.Outcome!;
        var color = ExitCodeOf(outcome.Kind) == ExitCodes.Ok ? "green" : "red";
        console.WriteLine();
        console.MarkupLine($"[{color} bold]{Markup.Escape(Label(outcome.Kind))}[/]{(outcome.Reason is null ? "" : " " + Markup.Escape(outcome.Reason))}");
        console.MarkupLine($"[grey]images used[/] {trajectory.ImagesUsed}  [grey]turns[/] {trajectory.Turns.Count}  " +
            $"[grey]tokens[/] {trajectory.Usage.InputTokens} in / {trajectory.Usage.OutputTokens} out  [grey]tool cost[/] {trajectory.ToolCost:0.00##} USD");
        if (written.FinalImage is not null) console.MarkupLine($"[grey]final image[/]  {Markup.Escape(written.FinalImage)}");
        console.MarkupLine($"[grey]report[/]       {Markup.Escape(written.Report)}");
        console.MarkupLine($"[grey]trajectory[/]   {Markup.Escape(written.Trajectory)}");
    }
}

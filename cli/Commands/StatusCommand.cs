using System.CommandLine;
using System.Text.Json;
using GenAgent.Cli.Hosting;
using GenAgent.Cli.Output;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary><c>genagent status &lt;id&gt; --store ...</c>: a durable session's status, progress and outcome.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var sessionId = new Argument<string>("session-id") { Description = "The id `genagent run` printed." };
        var profile = CommonOptions.Profile();
        var store = CommonOptions.Store(required: true);
        var taskHub = CommonOptions.TaskHub();
        var json = CommonOptions.Json();
        var command = new Command("status", "Show a durable session's status, progress and outcome.") { sessionId, profile, store, taskHub, json };
        command.SetAction((parse, cancellationToken) => StatusAsync(
            parse.GetValue(sessionId)!, parse.GetValue(profile), parse.GetValue(store)!, parse.GetValue(taskHub)!, parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> StatusAsync(string sessionId, string? profile, string durableStore, string taskHub, bool json, CancellationToken cancellationToken)
    {
        var (_, options) = CliConfiguration.Resolve(CliConfiguration.Build(), profile);
        await using var host = await EngineFactory.CreateAsync(options, durableStore, taskHub, cancellationToken);
        var snapshot = await host.Engine.GetAsync(sessionId, cancellationToken)
            ?? throw new CliException($"no session '{sessionId}' in task hub '{taskHub}'; check the id, --store and --task-hub.", ExitCodes.Failed);

        var result = StatusResult.From(snapshot);
        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, CliJson.Default.StatusResult));
            return ExitCodes.Ok;
        }

        var console = CliConsole.For(json: false);
        console.MarkupLine($"[grey]session[/]  {Markup.Escape(result.SessionId)}");
        console.MarkupLine($"[grey]status[/]   {result.Status.ToString().ToLowerInvariant()}");
        if (snapshot.Progress is { } progress && !snapshot.IsTerminal) console.MarkupLine($"[grey]progress[/] {Markup.Escape(LiveSession.Describe(progress))}");
        console.MarkupLine($"[grey]images[/]   {result.ImagesUsed}  [grey]turns[/] {result.Turns}");
        if (result.Outcome is { } outcome)
            console.MarkupLine($"[grey]outcome[/]  {Markup.Escape(SessionFinisher.Label(outcome))}{(result.Reason is null ? "" : ": " + Markup.Escape(result.Reason))}");
        if (result.FailureMessage is not null) console.MarkupLine($"[red]failure[/]  {Markup.Escape(result.FailureMessage)}");
        return ExitCodes.Ok;
    }
}

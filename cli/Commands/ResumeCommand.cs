using System.CommandLine;
using GenAgent.Cli.Hosting;
using GenAgent.Cli.Output;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary><c>genagent resume &lt;id&gt; --store ...</c>: lets this process's worker finish a durable session whose process died.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var sessionId = new Argument<string>("session-id") { Description = "The id `genagent run` printed." };
        var profile = CommonOptions.Profile();
        var store = CommonOptions.Store(required: true);
        var taskHub = CommonOptions.TaskHub();
        var output = CommonOptions.Out();
        var json = CommonOptions.Json();
        var command = new Command("resume", "Continue a durable session whose process stopped, then write its out folder. Use the profile the session started with.")
        {
            sessionId, profile, store, taskHub, output, json,
        };
        command.SetAction((parse, cancellationToken) => ResumeAsync(
            parse.GetValue(sessionId)!, parse.GetValue(profile), parse.GetValue(store)!, parse.GetValue(taskHub)!,
            parse.GetValue(output)!, parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> ResumeAsync(string sessionId, string? profile, string durableStore, string taskHub, string outPath, bool json, CancellationToken cancellationToken)
    {
        var (_, options) = CliConfiguration.Resolve(CliConfiguration.Build(), profile);
        var output = OutFolder.Prepare(outPath);
        var console = CliConsole.For(json);

        await using var host = await EngineFactory.CreateAsync(options, durableStore, taskHub, cancellationToken);
        var existing = await host.Engine.GetAsync(sessionId, cancellationToken)
            ?? throw new CliException($"no session '{sessionId}' in task hub '{taskHub}'; check the id, --store and --task-hub.", ExitCodes.Failed);
        console.MarkupLine($"[grey]session[/] {Markup.Escape(sessionId)} [grey]is[/] {existing.Status.ToString().ToLowerInvariant()}");

        using var ctrlC = new CtrlC(() => host.Engine.CancelAsync(sessionId, CancellationToken.None), Console.Error);
        var snapshot = existing.IsTerminal ? existing : await new LiveSession(console, host.Engine, host.Store).WatchAsync(sessionId, cancellationToken);
        await ctrlC.CompletionAsync();
        return await SessionFinisher.FinishAsync(snapshot, host, output, console, json, cancellationToken);
    }
}

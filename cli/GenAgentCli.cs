using System.CommandLine;
using GenAgent.Cli.Commands;

namespace GenAgent.Cli;

/// <summary>The <c>genagent</c> command tree and how a command's failure reaches the user.</summary>
internal static class GenAgentCli
{
    public static RootCommand Create() => new("GenAgent: an agent that reasons, draws, judges its images and tries again.")
    {
        RunCommand.Create(),
        ResumeCommand.Create(),
        StatusCommand.Create(),
        EvalCommand.Create(),
        JudgeCommand.Create(),
        RewardCommand.Create(),
        ExportCommand.Create(),
        RolloutsCommand.Create(),
        ProtocolCommand.Create(),
        BackendsCommand.Create(),
        ServeCommand.Create(),
        DiscordCommand.Create(),
    };

    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line that names the problem; the full help is one --help away.
            await Console.Error.WriteLineAsync($"genagent: {ErrorReporter.OneLine(parse.Errors[0].Message)} (see genagent {string.Join(' ', CommandPath(parse))} --help)");
            return ExitCodes.Usage;
        }

        try
        {
            // Ctrl+C is handled by the commands: they ask the session to stop and wait for it.
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (Exception failure)
        {
            return ErrorReporter.Report(failure, Console.Error);
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}

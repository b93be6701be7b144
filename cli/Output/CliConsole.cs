using Spectre.Console;

namespace GenAgent.Cli.Output;

/// <summary>Where human-readable output goes: stdout normally, stderr with <c>--json</c> so stdout holds only the result.</summary>
internal static class CliConsole
{
    public static IAnsiConsole For(bool json) =>
        json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
}

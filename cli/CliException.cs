namespace GenAgent.Cli;

/// <summary>A problem the user can fix; its message is printed alone, as one line, with no stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException() { }

    public CliException(string message, int exitCode = ExitCodes.Usage) : base(message) => ExitCode = exitCode;

    public CliException(string message, Exception inner) : base(message, inner) { }

    public int ExitCode { get; } = ExitCodes.Usage;
}

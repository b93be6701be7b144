using System.Net.Http;
using System.Net.Sockets;
using GenAgent.Core.Tools;

namespace GenAgent.Cli;

/// <summary>Turns a failure into one line on stderr and an exit code; a user of a command needs the fix, not a stack trace.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error)
    {
        var (message, code) = Describe(exception);
        error.WriteLine("genagent: " + OneLine(message));
        return code;
    }

    internal static (string Message, int ExitCode) Describe(Exception exception) => exception switch
    {
        CliException cli => (cli.Message, cli.ExitCode),
        PermanentToolException permanent => (permanent.Message, ExitCodes.Failed),
        TransientToolException transient => (transient.Message + " (the service may be down or overloaded; try again later)", ExitCodes.Failed),
        HttpRequestException { InnerException: SocketException } http =>
            ($"endpoint unreachable: {http.Message} Check the BaseUrl of the profile and that the server is running.", ExitCodes.Failed),
        HttpRequestException http => ($"HTTP request failed: {http.Message}", ExitCodes.Failed),
        UnauthorizedAccessException denied => (denied.Message, ExitCodes.Failed),
        IOException io => (io.Message, ExitCodes.Failed),
        // Configuration validation throws InvalidOperationException whose message names the key to set.
        InvalidOperationException invalid => (invalid.Message, ExitCodes.Usage),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => ($"{exception.GetType().Name}: {exception.Message}", ExitCodes.Failed),
    };

    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

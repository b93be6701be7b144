using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow;

/// <summary>
/// The logging scope every activity opens: each line it logs carries the session id (the correlation id of a run,
/// also the trace tag <c>genagent.session</c>), including lines from the backends and HTTP clients it calls.
/// </summary>
public static class SessionLogScope
{
    private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("Session {SessionId}");

    public static IDisposable? Begin(ILogger logger, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return Scope(logger, sessionId);
    }
}

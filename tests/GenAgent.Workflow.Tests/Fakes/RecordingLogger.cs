using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Tests.Fakes;

/// <summary>A logger that keeps every entry with the scopes that were open when it was written.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly AsyncLocal<ImmutableScopes?> _scopes = new();
    private readonly List<(string Message, IReadOnlyList<object> Scopes)> _entries = [];

    public IReadOnlyList<(string Message, IReadOnlyList<object> Scopes)> Entries
    {
        get { lock (_entries) return [.. _entries]; }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull
    {
        var outer = _scopes.Value;
        _scopes.Value = new ImmutableScopes(state, outer);
        return new Pop(() => _scopes.Value = outer);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var scopes = new List<object>();
        for (var scope = _scopes.Value; scope is not null; scope = scope.Outer) scopes.Add(scope.State);
        lock (_entries) _entries.Add((formatter(state, exception), scopes));
    }

    private sealed record ImmutableScopes(object State, ImmutableScopes? Outer);

    private sealed class Pop(Action pop) : IDisposable
    {
        public void Dispose() => pop();
    }
}

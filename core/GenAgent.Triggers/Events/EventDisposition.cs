namespace GenAgent.Triggers.Events;

/// <summary>What happened to one delivered event.</summary>
public enum EventDisposition
{
    /// <summary>A new session (or, for a request file, new sessions) started.</summary>
    Started,

    /// <summary>The event was delivered before: its session already exists and nothing new started.</summary>
    Duplicate,

    /// <summary>An Event Grid subscription validation event was answered.</summary>
    Validated,

    /// <summary>An event type GenAgent does not act on, or a blob outside the requests container.</summary>
    Ignored,

    /// <summary>A cap or the kill switch refused the start for now; the batch is answered 429 so the sender retries.</summary>
    Deferred,

    /// <summary>The event cannot become a session (no prompt, bad options, unreadable data); retrying will not help.</summary>
    Failed,
}

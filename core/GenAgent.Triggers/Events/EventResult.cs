namespace GenAgent.Triggers.Events;

/// <summary>The result of one event of a delivery. <see cref="SessionIds"/> lists the sessions it started or found.</summary>
public sealed record EventResult(
    string Id,
    string Type,
    EventDisposition Disposition,
    IReadOnlyList<string>? SessionIds = null,
    string? Reason = null);

namespace GenAgent.Triggers.Retention;

/// <summary>
/// The <c>usage/&lt;yyyy-MM-dd&gt;.json</c> roll-up of sessions that ended on <see cref="Day"/> (UTC).
/// <see cref="Unreadable"/> names trajectories that could not be read, so a gap in the numbers is visible.
/// </summary>
public sealed record UsageRollup(
    DateOnly Day,
    int Sessions,
    int Images,
    long InputTokens,
    long OutputTokens,
    decimal ToolCost,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyList<string> Unreadable,
    DateTimeOffset ComputedAt);

namespace GenAgent.Workflow.Starting;

/// <summary>
/// A start request that breaks a rule of <see cref="StartRules"/>: each message keyed by the field it is about
/// (<c>prompt</c>, <c>options.maxImages</c>), each message naming that field, so every front door can pass the same text
/// on in its own form (an HTTP validation problem, an ephemeral Discord reply, a dead-lettered message, a CLI line).
/// </summary>
public sealed class InvalidStartException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.Values.SelectMany(m => m)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public InvalidStartException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
    {
    }
}

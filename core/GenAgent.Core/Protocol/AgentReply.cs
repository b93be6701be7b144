namespace GenAgent.Core.Protocol;

/// <summary>
/// One assistant message split into its protocol parts. Exactly one of <see cref="ToolCall"/> and
/// <see cref="Answer"/> is set. <see cref="Normalized"/> is the text as it should be replayed to the
/// model (closing tags restored), <see cref="Raw"/> the text as received.
/// </summary>
public sealed record AgentReply(string? Think, string? Judge, ToolCall? ToolCall, string? Answer, string Raw, string Normalized)
{
    public bool IsDone => Answer is not null;
}

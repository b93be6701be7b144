namespace GenAgent.Core.Sessions;

public sealed record TokenUsage(long InputTokens, long OutputTokens)
{
    public static TokenUsage Zero { get; } = new(0, 0);

    public TokenUsage Add(TokenUsage? other) =>
        other is null ? this : new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens);
}

using Microsoft.Extensions.AI;

namespace GenAgent.Core.Judging;

/// <summary>The chat model configured under <c>GenAgent:Judge</c>; a type of its own so it never replaces the agent's <see cref="IChatClient"/>.</summary>
public sealed class PairwiseJudgeClient(IChatClient client)
{
    public IChatClient Client { get; } = client;
}

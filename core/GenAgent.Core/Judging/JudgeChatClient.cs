using Microsoft.Extensions.AI;

namespace GenAgent.Core.Judging;

/// <summary>
/// The chat model configured under <c>GenAgent:Judge</c>: effort high's pairwise comparison and the VLM image judges.
/// A type of its own so it never replaces the agent's <see cref="IChatClient"/>.
/// </summary>
public sealed class JudgeChatClient(IChatClient client)
{
    public IChatClient Client { get; } = client;
}

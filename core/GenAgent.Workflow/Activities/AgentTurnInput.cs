using GenAgent.Core.Protocol;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// One model turn: the conversation so far, as references; <see cref="Turn"/> keys the cached reply.
/// <see cref="Temperature"/> overrides the configured sampling temperature (effort-high candidates, rollouts);
/// <see cref="TopP"/>, when set, the server's nucleus sampling.
/// </summary>
public sealed record AgentTurnInput(string SessionId, int Turn, IReadOnlyList<ConversationMessage> Conversation, float? Temperature = null, float? TopP = null);

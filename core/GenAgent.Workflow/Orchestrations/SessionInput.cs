using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>
/// The input of <see cref="AgentSessionOrchestrator"/>: the id keys every stored artefact. The retry settings travel
/// in the input so every replay sees the same values. <see cref="Conversation"/> is null for the first episode and
/// carries the earlier episodes into each later one.
/// </summary>
public sealed record SessionInput(string SessionId, SessionRequest Request, WorkflowOptions? Workflow = null, ConversationState? Conversation = null);

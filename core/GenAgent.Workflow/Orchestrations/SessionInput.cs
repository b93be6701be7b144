using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>
/// The input of <see cref="AgentSessionOrchestrator"/>: the id keys every stored artefact. The retry settings travel
/// in the input so every replay sees the same values.
/// </summary>
public sealed record SessionInput(string SessionId, SessionRequest Request, WorkflowOptions? Workflow = null);

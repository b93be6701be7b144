using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>The input of <see cref="AgentSessionOrchestrator"/>: the id keys every stored artefact.</summary>
public sealed record SessionInput(string SessionId, SessionRequest Request);

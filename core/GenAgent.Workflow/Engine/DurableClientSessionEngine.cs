using GenAgent.Core.Sessions;
using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GenAgent.Workflow.Engine;

/// <summary>
/// What the engines reached through a <see cref="DurableTaskClient"/> share (the in-process engine, and the Functions
/// app's per-invocation engine): starting the orchestration, cancel and follow-up as events, and the status mapping.
/// </summary>
public abstract class DurableClientSessionEngine(WorkflowOptions workflow) : SessionEngineBase(workflow)
{
    /// <summary>The client the engine starts, reads and signals sessions with.</summary>
    public abstract DurableTaskClient Client { get; }

    public override Task CancelAsync(string sessionId, CancellationToken cancellationToken = default) =>
        Client.RaiseEventAsync(sessionId, WorkflowNames.CancelEvent, eventPayload: null, cancellationToken);

    public override Task SendFollowUpAsync(string sessionId, string text, CancellationToken cancellationToken = default) =>
        Client.RaiseEventAsync(sessionId, WorkflowNames.FollowUpEvent, text, cancellationToken);

    protected override Task ScheduleAsync(SessionInput input, CancellationToken cancellationToken) =>
        Client.ScheduleNewOrchestrationInstanceAsync(
            WorkflowNames.AgentSession, input, new StartOrchestrationOptions(input.SessionId), cancellationToken);

    protected static SessionRuntimeStatus Map(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => SessionRuntimeStatus.Pending,
        // A suspended session has not ended; to a caller it is still running.
        OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended => SessionRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => SessionRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed => SessionRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => SessionRuntimeStatus.Terminated,
        _ => throw new InvalidOperationException($"Unknown orchestration status {status}."),
    };
}

using GenAgent.Core.Sessions;
using GenAgent.Workflow;
using GenAgent.Workflow.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace GenAgent.Functions.Functions;

/// <summary>
/// The session orchestration under the name the workflow schedules it by, so effort-high candidates (sub-orchestrations
/// of the same name) land here too. No source generator is available, hence the hand-written binding.
/// </summary>
public static class SessionOrchestratorFunction
{
    [Function(WorkflowNames.AgentSession)]
    public static Task<Trajectory> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<SessionInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} was started without a {nameof(SessionInput)}.");
        return new AgentSessionOrchestrator().RunAsync(context, input);
    }
}

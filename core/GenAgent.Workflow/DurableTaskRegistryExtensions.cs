using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask;

namespace GenAgent.Workflow;

public static class DurableTaskRegistryExtensions
{
    /// <summary>Registers the session orchestrator and its activities (<see cref="WorkflowNames.Activities"/>).</summary>
    public static DurableTaskRegistry AddGenAgentTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<AgentSessionOrchestrator>();
        foreach (var (name, type) in WorkflowNames.Activities) registry.AddActivity(name, type);
        return registry;
    }
}

using GenAgent.Workflow.Activities;
using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask;

namespace GenAgent.Workflow;

public static class DurableTaskRegistryExtensions
{
    /// <summary>Registers the session orchestrator and its activities under the names in <see cref="WorkflowNames"/>.</summary>
    public static DurableTaskRegistry AddGenAgentTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<AgentSessionOrchestrator>()
            .AddActivity<ProtocolSetupActivity>()
            .AddActivity<AgentTurnActivity>()
            .AddActivity<GenerateImageActivity>()
            .AddActivity<EditImageActivity>()
            .AddActivity<PublishProgressActivity>()
            .AddActivity<FinalizeSessionActivity>()
            .AddActivity<CompareImagesActivity>();
    }
}

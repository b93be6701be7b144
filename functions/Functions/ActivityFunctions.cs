using GenAgent.Core.Sessions;
using GenAgent.Workflow;
using GenAgent.Workflow.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Functions;

/// <summary>
/// Every activity of the workflow, bound by name to the <see cref="TaskActivity{TInput, TOutput}"/> classes in
/// GenAgent.Workflow. Each call builds the activity from the invocation's services, exactly as the Durable Task worker
/// does elsewhere, so the Functions app and the other engines run the same code. <c>instanceId</c> is binding data the
/// activity trigger supplies.
/// </summary>
/// <param name="services">The invocation's scoped services.</param>
public sealed class ActivityFunctions(IServiceProvider services)
{
    [Function(WorkflowNames.ProtocolSetup)]
    public Task<ProtocolSetup> ProtocolSetupAsync([ActivityTrigger] ProtocolSetupInput input, string instanceId) =>
        RunAsync<ProtocolSetupActivity, ProtocolSetupInput, ProtocolSetup>(WorkflowNames.ProtocolSetup, instanceId, input);

    [Function(WorkflowNames.AgentTurn)]
    public Task<AgentTurnResult> AgentTurnAsync([ActivityTrigger] AgentTurnInput input, string instanceId) =>
        RunAsync<AgentTurnActivity, AgentTurnInput, AgentTurnResult>(WorkflowNames.AgentTurn, instanceId, input);

    [Function(WorkflowNames.GenerateImage)]
    public Task<ImageToolResult> GenerateImageAsync([ActivityTrigger] ImageToolInput input, string instanceId) =>
        RunAsync<GenerateImageActivity, ImageToolInput, ImageToolResult>(WorkflowNames.GenerateImage, instanceId, input);

    [Function(WorkflowNames.EditImage)]
    public Task<ImageToolResult> EditImageAsync([ActivityTrigger] ImageToolInput input, string instanceId) =>
        RunAsync<EditImageActivity, ImageToolInput, ImageToolResult>(WorkflowNames.EditImage, instanceId, input);

    [Function(WorkflowNames.PublishProgress)]
    public Task<bool> PublishProgressAsync([ActivityTrigger] PublishProgressInput input, string instanceId) =>
        RunAsync<PublishProgressActivity, PublishProgressInput, bool>(WorkflowNames.PublishProgress, instanceId, input);

    [Function(WorkflowNames.FinalizeSession)]
    public Task<bool> FinalizeSessionAsync([ActivityTrigger] Trajectory input, string instanceId) =>
        RunAsync<FinalizeSessionActivity, Trajectory, bool>(WorkflowNames.FinalizeSession, instanceId, input);

    [Function(WorkflowNames.CompareImages)]
    public Task<CompareImagesResult> CompareImagesAsync([ActivityTrigger] CompareImagesInput input, string instanceId) =>
        RunAsync<CompareImagesActivity, CompareImagesInput, CompareImagesResult>(WorkflowNames.CompareImages, instanceId, input);

    private Task<TOutput> RunAsync<TActivity, TInput, TOutput>(string name, string instanceId, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services);
        return activity.RunAsync(new FunctionActivityContext(name, instanceId), input);
    }
}

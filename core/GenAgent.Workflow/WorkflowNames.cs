using GenAgent.Workflow.Activities;
using GenAgent.Workflow.Orchestrations;

namespace GenAgent.Workflow;

/// <summary>The names the orchestration and activities are registered under, for hosts that bind them by name.</summary>
public static class WorkflowNames
{
    public const string AgentSession = nameof(AgentSessionOrchestrator);
    public const string ProtocolSetup = nameof(ProtocolSetupActivity);
    public const string AgentTurn = nameof(AgentTurnActivity);
    public const string GenerateImage = nameof(GenerateImageActivity);
    public const string EditImage = nameof(EditImageActivity);
    public const string PublishProgress = nameof(PublishProgressActivity);
    public const string FinalizeSession = nameof(FinalizeSessionActivity);
    public const string CompareImages = nameof(CompareImagesActivity);

    /// <summary>The external event that asks a session to stop.</summary>
    public const string CancelEvent = "cancel";

    /// <summary>The external event that carries a user's follow-up message (its payload is the text).</summary>
    public const string FollowUpEvent = "followUp";
}

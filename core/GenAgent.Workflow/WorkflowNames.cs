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

    /// <summary>
    /// Every activity of the workflow with its class: the one list each engine registers (the in-process and Azure
    /// Storage workers), and that the Functions app's wrappers and the READMEs' tables are checked against.
    /// </summary>
    public static IReadOnlyList<(string Name, Type Type)> Activities { get; } =
    [
        (ProtocolSetup, typeof(ProtocolSetupActivity)),
        (AgentTurn, typeof(AgentTurnActivity)),
        (GenerateImage, typeof(GenerateImageActivity)),
        (EditImage, typeof(EditImageActivity)),
        (PublishProgress, typeof(PublishProgressActivity)),
        (FinalizeSession, typeof(FinalizeSessionActivity)),
        (CompareImages, typeof(CompareImagesActivity)),
    ];

    /// <summary>The external event that asks a session to stop.</summary>
    public const string CancelEvent = "cancel";

    /// <summary>The external event that carries a user's follow-up message (its payload is the text).</summary>
    public const string FollowUpEvent = "followUp";
}

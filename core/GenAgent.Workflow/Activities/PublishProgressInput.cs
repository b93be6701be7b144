using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Activities;

public sealed record PublishProgressInput(string SessionId, SessionProgress Progress, Trajectory Trajectory);

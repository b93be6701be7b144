using GenAgent.Core.Sessions;
using Microsoft.DurableTask;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>
/// The agent loop of one session: think, call a tool, look at the image, decide. Deterministic; every side effect
/// lives in an activity. See <see cref="SessionRun"/> for the steps; effort high runs <see cref="TournamentRun"/> instead,
/// whose candidates are medium-effort sub-orchestrations of this same class, and whose follow-ups run as SessionRun.
/// </summary>
public sealed class AgentSessionOrchestrator : TaskOrchestrator<SessionInput, Trajectory>
{
    public override Task<Trajectory> RunAsync(TaskOrchestrationContext context, SessionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // A follow-up after a tournament continues the winner's conversation as one plain episode.
        return input.Request.Options.Effort == Effort.High && input.Conversation is null
            ? new TournamentRun(context, input).RunAsync()
            : new SessionRun(context, input).RunAsync();
    }
}

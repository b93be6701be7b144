using System.Diagnostics;
using System.Text.Json;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Core.Telemetry;
using GenAgent.Workflow.Progress;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// Writes the finished trajectory and a copy of the final image next to it, and records the episode's rounds and cost
/// (metrics and a <c>session</c> span); the orchestrator cannot, as it replays. Observers then hear of the episode's end
/// (phase <see cref="SessionPhase.Finalizing"/>, the trajectory with its outcome): a chat bot posts the final image.
/// </summary>
public sealed class FinalizeSessionActivity(IImageStore store, IEnumerable<ISessionObserver> observers, ILogger<FinalizeSessionActivity> logger)
    : TaskActivity<Trajectory, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Trajectory input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = SessionLogScope.Begin(logger, input.SessionId);
        if (input.FinalImage is { } final)
        {
            var png = await store.TryGetAsync(final.Key).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The final image {final.Key} is missing from the store.");
            await store.PutAsync(SessionKeys.FinalImage(input.SessionId), png, final.MediaType).ConfigureAwait(false);
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(input, SessionJson.Default.Trajectory);
        await store.PutAsync(SessionKeys.Trajectory(input.SessionId), json, "application/json").ConfigureAwait(false);
        Record(input);
        await NotifyAsync(input).ConfigureAwait(false);
        return true;
    }

    private async Task NotifyAsync(Trajectory trajectory)
    {
        var episode = trajectory.FollowUps.Count == 0 ? 1 : trajectory.FollowUps[^1].Episode;
        var progress = new SessionProgress
        {
            Phase = SessionPhase.Finalizing,
            Episode = episode,
            Turn = trajectory.Turns.Count == 0 ? 0 : trajectory.Turns[^1].Index,
            Round = trajectory.Turns.Count(t => t.Episode == episode && t.Image is not null),
            LastImage = trajectory.FinalImage,
            ImagesUsed = trajectory.ImagesUsed,
        };
        await SessionObservers.NotifyAsync(observers, trajectory.SessionId, progress, trajectory, logger).ConfigureAwait(false);
    }

    /// <summary>
    /// Measures the latest episode only, as every episode of a conversation is finalized with the whole trajectory.
    /// An effort-high session records nothing itself: each candidate is a session that recorded its own episode.
    /// </summary>
    private static void Record(Trajectory trajectory)
    {
        if (trajectory.Candidates is not null || trajectory.Outcome is not { } outcome) return;
        var episode = trajectory.FollowUps.Count == 0 ? 1 : trajectory.FollowUps[^1].Episode;
        var turns = trajectory.Turns.Where(t => t.Episode == episode).ToList();
        var usage = turns.Aggregate(TokenUsage.Zero, (sum, t) => sum.Add(t.Usage));
        var rounds = turns.Count(t => t.Image is not null);
        var tokens = usage.InputTokens + usage.OutputTokens;
        var toolSeconds = turns.Sum(t => t.ToolSeconds);
        var cost = (double)turns.Sum(t => t.ToolCost ?? 0m);
        var tags = new TagList
        {
            { "outcome", outcome.Kind.ToString() },
            { "effort", trajectory.Options.Effort.ToString() },
        };
        GenAgentTelemetry.SessionRounds.Record(rounds, tags);
        GenAgentTelemetry.SessionTokens.Record(tokens, tags);
        GenAgentTelemetry.SessionToolSeconds.Record(toolSeconds, tags);
        GenAgentTelemetry.SessionCost.Record(cost, tags);

        using var span = GenAgentTelemetry.StartSessionActivity("session", trajectory.SessionId);
        if (span is null) return;
        var startedAt = episode == 1 ? trajectory.StartedAt : trajectory.FollowUps[^1].ReceivedAt;
        if (startedAt is { } start) span.SetStartTime(start.UtcDateTime);
        span.SetTag("genagent.episode", episode);
        span.SetTag("genagent.outcome", outcome.Kind.ToString());
        span.SetTag("genagent.rounds", rounds);
        span.SetTag("genagent.tokens", tokens);
        span.SetTag("genagent.tool_seconds", toolSeconds);
        if (outcome.Kind == OutcomeKind.Failed) span.SetStatus(ActivityStatusCode.Error, outcome.Reason);
        if (trajectory.EndedAt is { } end) span.SetEndTime(end.UtcDateTime);
    }
}

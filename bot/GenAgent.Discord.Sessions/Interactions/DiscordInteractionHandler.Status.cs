using System.Text;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Commands;
using GenAgent.Discord.Sessions.Posting;
using GenAgent.Discord.Sessions.Starting;
using GenAgent.Discord.Wire;
using GenAgent.Workflow.Engine;

namespace GenAgent.Discord.Sessions.Interactions;

public sealed partial class DiscordInteractionHandler
{
    /// <summary><c>/status</c>: the user's recent sessions (phase, round, queued or not) and their use today.</summary>
    private async Task<InteractionResponse> StatusAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (UserId(interaction) is not { } userId) return InteractionReplies.Ephemeral("Discord did not say who asked.");
        var sessions = await UserSessionLookup.ReadAsync(settings, engine, userId, cancellationToken).ConfigureAwait(false);
        var today = settings.Today;
        var startedToday = sessions.Count(s => DateOnly.FromDateTime(s.Entry.StartedAt.UtcDateTime) == today);
        var text = new StringBuilder();
        if (sessions.Count == 0) text.AppendLine("You have no sessions yet; start one with /imagine.");
        foreach (var session in sessions.Take(5))
            text.Append("• `").Append(session.Entry.SessionId[..Math.Min(8, session.Entry.SessionId.Length)]).Append("` ")
                .Append(Describe(session)).Append(" — ").AppendLine(TextTrim.Cut(session.Entry.Prompt, 60));
        text.Append("Today (UTC): ").Append(startedToday).Append(" session(s) started by you");
        if (interaction.GuildId is { } guildId)
        {
            var guild = await settings.GetGuildAsync(guildId, cancellationToken).ConfigureAwait(false);
            var used = await settings.GetGuildUsageAsync(guildId, cancellationToken).ConfigureAwait(false);
            text.Append("; this server ").Append(used).Append(guild.DailyQuota is { } quota ? $" of {quota}" : "");
        }
        text.Append('.');
        return InteractionReplies.Ephemeral(text.ToString());
    }

    /// <summary><c>/cancel [session]</c>: stops the named session, or the newest running one.</summary>
    private async Task<InteractionResponse> CancelCommandAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (UserId(interaction) is not { } userId) return InteractionReplies.Ephemeral("Discord did not say who asked.");
        var named = interaction.Data?.Option(CommandNames.Session)?.AsString()?.Trim();
        var sessions = await UserSessionLookup.ReadAsync(settings, engine, userId, cancellationToken).ConfigureAwait(false);
        var target = string.IsNullOrEmpty(named)
            ? sessions.FirstOrDefault(s => s.IsOpen)
            : sessions.FirstOrDefault(s => s.Entry.SessionId == named || s.Entry.SessionId.StartsWith(named, StringComparison.Ordinal));
        if (target is null)
            return InteractionReplies.Ephemeral(string.IsNullOrEmpty(named) ? "You have no running session." : "That is not one of your recent sessions.");
        if (!target.IsOpen) return InteractionReplies.Ephemeral($"Session `{target.Entry.SessionId[..8]}` has already ended.");
        await engine.CancelAsync(target.Entry.SessionId, cancellationToken).ConfigureAwait(false);
        return InteractionReplies.Ephemeral($"Stopping session `{target.Entry.SessionId[..8]}` ({TextTrim.Cut(target.Entry.Prompt, 60)}) after its current step.");
    }

    /// <summary>Autocomplete of <c>/cancel session</c>: the user's open sessions whose id or prompt contains what they typed.</summary>
    private async Task<InteractionResponse> AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Data?.Name != CommandNames.Cancel || UserId(interaction) is not { } userId)
            return InteractionResponse.Autocomplete([]);
        var typed = interaction.Data.Option(CommandNames.Session)?.AsString()?.Trim() ?? "";
        var sessions = await UserSessionLookup.ReadAsync(settings, engine, userId, cancellationToken).ConfigureAwait(false);
        var choices = sessions
            .Where(s => s.IsOpen)
            .Where(s => typed.Length == 0
                || s.Entry.SessionId.StartsWith(typed, StringComparison.Ordinal)
                || s.Entry.Prompt.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(s => ApplicationCommandChoice.Of(TextTrim.Cut($"{Describe(s)}: {s.Entry.Prompt}", 100), s.Entry.SessionId))
            .ToList();
        return InteractionResponse.Autocomplete(choices);
    }

    private static string Describe(UserSessionStatus session) => session.Snapshot switch
    {
        null => "gone",
        { Status: SessionRuntimeStatus.Pending } => "queued",
        { Status: SessionRuntimeStatus.Completed } done => "done" + (done.Trajectory?.Outcome?.Kind is { } kind && kind != OutcomeKind.Done ? $" ({kind})" : ""),
        { Status: SessionRuntimeStatus.Failed } => "failed",
        { Status: SessionRuntimeStatus.Terminated } => "stopped",
        { Progress: { Phase: SessionPhase.AwaitingFollowUp } progress } => $"waiting for a follow-up after round {progress.Round}",
        { Progress: { } progress } => $"{progress.Phase.ToString().ToLowerInvariant()}, round {progress.Round}",
        _ => "starting",
    };
}

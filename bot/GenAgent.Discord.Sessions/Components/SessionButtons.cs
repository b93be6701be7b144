using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Components;

/// <summary>The buttons under a session's final message. Every custom_id is <see cref="CustomIds"/>' stateless format.</summary>
public static class SessionButtons
{
    /// <summary>
    /// Two action rows: the session actions (Another round, Refine, Variations, Edit, Stop), then the Trajectory link
    /// (when <paramref name="trajectoryUrl"/> is known) and Delete.
    /// </summary>
    public static IReadOnlyList<Component> For(string sessionId, string? trajectoryUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        var actions = Component.ActionRow(
            Component.Button(ButtonStyle.Primary, "Another round", CustomIds.Format(ButtonAction.AnotherRound, sessionId)),
            Component.Button(ButtonStyle.Secondary, "Refine", CustomIds.Format(ButtonAction.Refine, sessionId)),
            Component.Button(ButtonStyle.Secondary, "Variations", CustomIds.Format(ButtonAction.Variations, sessionId)),
            Component.Button(ButtonStyle.Secondary, "Edit", CustomIds.Format(ButtonAction.Edit, sessionId)),
            Component.Button(ButtonStyle.Danger, "Stop", CustomIds.Format(ButtonAction.Stop, sessionId)));
        List<Component> more = [];
        if (!string.IsNullOrEmpty(trajectoryUrl)) more.Add(Component.LinkButton("Trajectory", trajectoryUrl));
        more.Add(Component.Button(ButtonStyle.Danger, "Delete", CustomIds.Format(ButtonAction.Delete, sessionId)));
        return [actions, Component.ActionRow(more)];
    }
}

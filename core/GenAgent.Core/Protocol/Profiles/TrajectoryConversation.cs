using GenAgent.Core.Images;
using GenAgent.Core.Sessions;

namespace GenAgent.Core.Protocol.Profiles;

/// <summary>
/// A conversation rebuilt from recorded turns, as the model saw it: the system prompt, the user prompt, then for the
/// last attempt each tool call in the history form the profile keeps (<see cref="TurnReader"/>) with the image it
/// returned, its stop, and replies the profile keeps. Corrections, budget stops and a fallback image (no model turn) do
/// not enter. A follow-up after effort high continues from it, and the SFT export writes it out.
/// </summary>
public static class TrajectoryConversation
{
    /// <summary>
    /// The first episode's conversation of a recorded session, with the system prompt of its protocol: the configured
    /// one when the session ran under the configured profile, else that profile's built-in prompt.
    /// </summary>
    public static List<ConversationMessage> Of(Trajectory trajectory, AgentProtocol configured)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(configured);
        var profile = ProtocolProfiles.Find(trajectory.Protocol ?? "") ?? configured.Profile;
        var protocol = profile.Name == configured.Profile.Name ? configured : new AgentProtocol(profile);
        var (system, _) = protocol.SystemPromptFor(profile.OfferedTools(trajectory.Options.Tools));
        return Rebuild(profile, system, trajectory.Prompt, trajectory.InputImage, [.. FirstEpisodeLastAttempt(trajectory)]);
    }

    /// <summary>The turns a rebuilt first episode is made of: its last attempt, in order.</summary>
    public static IEnumerable<TurnRecord> FirstEpisodeLastAttempt(Trajectory trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var first = trajectory.Turns.Where(t => t.Episode == 1).ToList();
        var attempt = first.Count == 0 ? 1 : first.Max(t => t.Attempt);
        return first.Where(t => t.Attempt == attempt).OrderBy(t => t.Index);
    }

    public static List<ConversationMessage> Rebuild(
        ProtocolProfile profile, string systemPrompt, string prompt, ImageRef? inputImage, IReadOnlyList<TurnRecord> turns)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(turns);
        var messages = new List<ConversationMessage>
        {
            ConversationMessage.System(systemPrompt),
            PromptMessages.UserPrompt(prompt, inputImage, profile.StartingImageIsEditable),
        };
        var attempt = turns.Count == 0 ? 1 : turns.Max(t => t.Attempt);
        foreach (var turn in turns.Where(t => t.Attempt == attempt && t.RawText is not null))
        {
            var reading = TurnReader.Read(profile, turn.RawText);
            switch (turn.Kind)
            {
                case TurnKind.Generate or TurnKind.Edit when turn.Image is { } image && reading.History is { } history:
                    messages.Add(ConversationMessage.Assistant(history));
                    messages.Add(PromptMessages.ToolResponse(image));
                    break;
                case TurnKind.Done when reading.History is { } history:
                    messages.Add(ConversationMessage.Assistant(history));
                    break;
                case TurnKind.ProtocolError when reading.Action == TurnAction.NoAction && reading.History is { } kept:
                    messages.Add(ConversationMessage.Assistant(kept));
                    break;
            }
        }

        return messages;
    }
}

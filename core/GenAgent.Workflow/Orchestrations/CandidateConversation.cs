using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Activities;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>
/// The conversation a follow-up continues after effort high: the winning candidate's, rebuilt from its recorded turns.
/// A candidate runs in a sub-orchestration whose conversation never leaves it, but each turn keeps the model's raw text,
/// and <see cref="TurnReader"/> turns that into the same history text the candidate sent. Only what a follow-up would
/// carry enters: the last attempt's tool calls with their images, its stop, and replies the profile keeps; corrections,
/// budget stops and a fallback image (no model turn) do not.
/// </summary>
internal static class CandidateConversation
{
    public static List<ConversationMessage> Rebuild(ProtocolProfile profile, ProtocolSetup setup, SessionRequest request, IReadOnlyList<TurnRecord> turns)
    {
        var messages = new List<ConversationMessage>
        {
            ConversationMessage.System(setup.SystemPrompt),
            PromptMessages.UserPrompt(request.Prompt, request.InputImage, profile.StartingImageIsEditable),
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

using GenAgent.Core.Protocol;
using Microsoft.Extensions.AI;

namespace GenAgent.Sketch;

/// <summary>What the sketch agent reads from a conversation: the prompt, enabled tools, images, its own calls, follow-ups.</summary>
internal sealed record SketchConversation(
    string Prompt,
    byte[]? InputImage,
    bool CanEdit,
    IReadOnlyList<byte[]> Images,
    IReadOnlyList<string> Calls,
    IReadOnlyList<string> FollowUps,
    bool LastIsImage,
    bool LastIsFollowUp,
    int ApproximateInputTokens)
{
    private const string PromptPrefix = "Prompt:";
    private const string ToolResponse = "<tool_response>";
    private const int TokensPerImage = 256;

    public int GenerationCalls => Calls.Count(c => c == ToolNames.Generate);

    public static SketchConversation Read(IReadOnlyList<ChatMessage> messages)
    {
        var system = string.Join('\n', messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var canEdit = system.Contains(ToolNames.Edit, StringComparison.Ordinal);
        var first = messages.FirstOrDefault(m => m.Role == ChatRole.User)
            ?? throw new ArgumentException("The conversation has no user message with the prompt.", nameof(messages));
        var firstText = first.Text.Trim();
        var promptStart = firstText.IndexOf(PromptPrefix, StringComparison.OrdinalIgnoreCase);
        var prompt = promptStart >= 0 ? firstText[(promptStart + PromptPrefix.Length)..].Trim() : firstText;

        var images = new List<byte[]>();
        var calls = new List<string>();
        var followUps = new List<string>();
        var lastIsImage = false;
        var lastIsFollowUp = false;
        var tokens = 0;
        foreach (var m in messages)
        {
            tokens += (m.Text.Length / 4) + (Pngs(m).Count() * TokensPerImage);
            if (m == first)
            {
                continue;
            }

            if (m.Role == ChatRole.Assistant)
            {
                if (m.Text.Contains(ToolNames.Edit, StringComparison.Ordinal))
                {
                    calls.Add(ToolNames.Edit);
                }
                else if (m.Text.Contains(ToolNames.Generate, StringComparison.Ordinal))
                {
                    calls.Add(ToolNames.Generate);
                }

                lastIsImage = lastIsFollowUp = false;
            }
            else if (m.Role == ChatRole.User && m.Text.Contains(ToolResponse, StringComparison.Ordinal))
            {
                images.AddRange(Pngs(m));
                lastIsImage = true;
                lastIsFollowUp = false;
            }
            else if (m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text))
            {
                // Only a message that reads as an edit is a change request; protocol corrections are not.
                var request = UserRequest(m.Text);
                if (LooksLikeChange(request))
                {
                    followUps.Add(request);
                    lastIsFollowUp = true;
                }

                lastIsImage = false;
            }
        }

        return new SketchConversation(prompt, Pngs(first).FirstOrDefault(), canEdit, images, calls, followUps, lastIsImage, lastIsFollowUp, tokens);
    }

    /// <summary>
    /// The user's own words: a follow-up arrives as "Follow-up: &lt;text&gt;" plus instructions for the model
    /// (<see cref="PromptMessages.FollowUp"/>), which are not part of the request.
    /// </summary>
    private static string UserRequest(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(PromptMessages.FollowUpPrefix, StringComparison.OrdinalIgnoreCase)) return trimmed;
        var firstLine = trimmed[PromptMessages.FollowUpPrefix.Length..].Split('\n', 2)[0];
        return firstLine.Trim();
    }

    internal static bool LooksLikeChange(string text)
    {
        try
        {
            return EditInstructionParser.Parse(text).Count > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IEnumerable<byte[]> Pngs(ChatMessage m)
    {
        foreach (var content in m.Contents)
        {
            if (content is DataContent data && data.HasTopLevelMediaType("image"))
            {
                yield return data.Data.ToArray();
            }
            else if (content is UriContent uri && uri.Uri.Scheme == "data")
            {
                yield return new DataContent(uri.Uri.OriginalString).Data.ToArray();
            }
        }
    }
}

using System.Text;
using GenAgent.Core.Images;

namespace GenAgent.Core.Protocol;

/// <summary>The user-side messages of the protocol.</summary>
public static class PromptMessages
{
    public const string ToolResponseOpen = "<tool_response>";
    public const string ToolResponseClose = "</tool_response>";

    /// <summary>What a follow-up message starts with; the user's words follow on the same line.</summary>
    public const string FollowUpPrefix = "Follow-up:";

    /// <summary>
    /// The opening user message: <c>Prompt: &lt;text&gt;</c>, plus the input image when there is one. With
    /// <paramref name="imageIsEditable"/> the image is the one to work from (the first edit may change it); otherwise it is
    /// context for a first generation, as the genagent weights always start by generating.
    /// </summary>
    public static ConversationMessage UserPrompt(string prompt, ImageRef? inputImage, bool imageIsEditable = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        var text = $"Prompt: {prompt.Trim()}";
        if (inputImage is null)
        {
            return ConversationMessage.User(text);
        }

        var note = imageIsEditable
            ? "Starting image: the image below is the one to work from. Edit it so that it satisfies the prompt, or generate a new one."
            : "Reference image: the user attached the image below. Use it as context for the image you generate.";
        return new ConversationMessage(ConversationMessage.UserRole,
        [
            ConversationPart.FromText($"{text}\n{note}"),
            ConversationPart.FromImage(inputImage),
        ]);
    }

    /// <summary>A tool result: text <c>&lt;tool_response&gt;</c>, the image, text <c>&lt;/tool_response&gt;</c>, as a user message.</summary>
    public static ConversationMessage ToolResponse(ImageRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new ConversationMessage(ConversationMessage.UserRole,
        [
            ConversationPart.FromText(ToolResponseOpen),
            ConversationPart.FromImage(image),
            ConversationPart.FromText(ToolResponseClose),
        ]);
    }

    /// <summary>A follow-up instruction from the user in a continuing conversation.</summary>
    public static ConversationMessage FollowUp(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return ConversationMessage.User(
            $"{FollowUpPrefix} {text.Trim()}\n" +
            "Change the latest image to satisfy this request as well as the original prompt. Think first, then call a tool; " +
            "answer <answer>done</answer> only if the latest image already satisfies both.");
    }

    /// <summary>A corrective user message telling the model what was wrong with its last output.</summary>
    public static ConversationMessage Correction(ProtocolViolationException violation, IReadOnlyList<string> enabledTools)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentNullException.ThrowIfNull(enabledTools);

        // Built from the error kind alone: the exception message may quote text we do not want to echo.
        var text = new StringBuilder(violation.Kind switch
        {
            ProtocolErrorKind.Empty => "Your last reply was empty.",
            ProtocolErrorKind.NoAction => "Your last reply ended without an action: it had neither a <tool_call> nor an <answer>.",
            ProtocolErrorKind.AmbiguousAction => "Your last reply had more than one action. A turn must contain exactly one tool call or one answer, never both.",
            ProtocolErrorKind.MalformedToolCall => "The content of your <tool_call> was not a valid JSON object with a \"name\" and \"arguments\".",
            ProtocolErrorKind.UnknownTool => $"Your <tool_call> named a tool that is not available. Available tools: {string.Join(", ", enabledTools)}.",
            ProtocolErrorKind.MissingArgument => $"Your <tool_call> lacked its required argument: {string.Join(", or ", enabledTools.Select(t => $"a non-empty string \"{ArgumentOf(t)}\" for {t}"))}.",
            _ => throw new ArgumentOutOfRangeException(nameof(violation), violation.Kind, "Unknown protocol error kind."),
        });

        text.AppendLine().AppendLine("Reply again in this format: optional <think>...</think>, <judge>...</judge> when an image is to be judged, then exactly one of:");
        text.AppendLine("<answer>done</answer>");
        foreach (var tool in enabledTools.Distinct(StringComparer.Ordinal))
        {
            text.AppendLine($"<tool_call>{{\"name\": \"{tool}\", \"arguments\": {{\"{ArgumentOf(tool)}\": \"...\"}}}}</tool_call>");
        }

        return ConversationMessage.User(text.ToString().TrimEnd());
    }

    private static string ArgumentOf(string tool) => tool == ToolNames.Edit ? ToolNames.InstructionArgument : ToolNames.CaptionArgument;
}

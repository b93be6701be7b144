using GenAgent.Core.Images;

namespace GenAgent.Core.Protocol;

/// <summary>The user-side messages of the protocol.</summary>
public static class PromptMessages
{
    /// <summary>The opening user message: <c>Prompt: &lt;text&gt;</c>, plus the input image when there is one.</summary>
    public static ConversationMessage UserPrompt(string prompt, ImageRef? inputImage) => throw new NotImplementedException("protocol helper");

    /// <summary>A tool result: text <c>&lt;tool_response&gt;</c>, the image, text <c>&lt;/tool_response&gt;</c>, as a user message.</summary>
    public static ConversationMessage ToolResponse(ImageRef image) => throw new NotImplementedException("protocol helper");

    /// <summary>A follow-up instruction from the user in a continuing conversation.</summary>
    public static ConversationMessage FollowUp(string text) => throw new NotImplementedException("protocol helper");

    /// <summary>A corrective user message telling the model what was wrong with its last output.</summary>
    public static ConversationMessage Correction(ProtocolViolationException violation, IReadOnlyList<string> enabledTools) => throw new NotImplementedException("protocol helper");
}

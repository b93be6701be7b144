using System.Text;
using System.Text.Json;
using GenAgent.Core.Protocol.Wire;

namespace GenAgent.Core.Protocol;

/// <summary>The system prompt that lists the enabled tools inside &lt;tools&gt; as JSON function schemas.</summary>
public static class SystemPrompt
{
    /// <summary>Builds the prompt for <paramref name="enabledTools"/> (names from <see cref="ToolNames"/>, duplicates ignored, order kept).</summary>
    public static string Build(IReadOnlyList<string> enabledTools)
    {
        ArgumentNullException.ThrowIfNull(enabledTools);
        var tools = enabledTools.Distinct(StringComparer.Ordinal).ToList();
        if (tools.Count == 0)
        {
            throw new ArgumentException("At least one tool must be enabled.", nameof(enabledTools));
        }

        var schemas = tools.Select(ToolSchemas.For).ToList();
        var canGenerate = tools.Contains(ToolNames.Generate);
        var canEdit = tools.Contains(ToolNames.Edit);

        var prompt = new StringBuilder();
        prompt.AppendLine("You are GenAgent, an agent that turns a user's prompt into an image. You do not draw yourself: you reason about what the prompt asks for, write a detailed caption or edit instruction, call an image tool, look at the image it returns, judge it strictly against the prompt, and then either finish or call a tool again.");
        prompt.AppendLine();
        prompt.AppendLine("# Tools");
        prompt.AppendLine();
        prompt.AppendLine("These are the functions you can call, as JSON schemas:");
        prompt.AppendLine("<tools>");
        prompt.AppendLine(JsonSerializer.Serialize(schemas, ProtocolJsonContext.Default.ListToolSchema));
        prompt.AppendLine("</tools>");
        prompt.AppendLine();
        prompt.AppendLine("To call a function, write one JSON object with its name and arguments between <tool_call> and </tool_call>:");
        prompt.AppendLine("<tool_call>{\"name\": \"<function name>\", \"arguments\": {\"<argument name>\": \"<value>\"}}</tool_call>");
        prompt.AppendLine("Call at most one function per turn. The result comes back in the next user message as an image between <tool_response> and </tool_response>.");
        prompt.AppendLine();
        prompt.AppendLine("# How each turn looks");
        prompt.AppendLine();
        prompt.AppendLine(canGenerate
            ? "First turn: inside <think>...</think>, work out every object, count, color, size, position and piece of world knowledge the prompt implies. Then call image_generation_tool with a caption that spells all of it out."
            : "First turn: the user gives you a starting image. Inside <think>...</think>, compare it with the prompt and decide what must change. Then call image_editing_tool with one precise instruction.");
        prompt.AppendLine("Every later turn, after an image arrives:");
        prompt.AppendLine("1. <think>...</think>: look closely at the latest image.");
        prompt.AppendLine("2. <judge>...</judge>: a frank critique of the latest image against the prompt, listing each requirement that is met or missed.");
        prompt.AppendLine("3. Exactly one action:");
        prompt.AppendLine("   - <answer>done</answer> when the latest image satisfies the prompt;");
        if (canEdit)
        {
            prompt.AppendLine("   - an image_editing_tool call when the image is close but has local flaws (it always edits the latest image);");
        }

        if (canGenerate)
        {
            prompt.AppendLine("   - an image_generation_tool call with a rewritten caption when the image fails at its core.");
        }

        prompt.AppendLine();
        prompt.Append("Never write both an answer and a tool call in one turn, and never end a turn without one of them.");
        return prompt.ToString();
    }
}

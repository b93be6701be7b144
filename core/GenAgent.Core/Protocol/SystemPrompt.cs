using System.Text;
using System.Text.Json;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Protocol.Wire;

namespace GenAgent.Core.Protocol;

/// <summary>
/// Our own system prompt: it lists the enabled tools inside &lt;tools&gt; as JSON function schemas, laid out as the
/// profile's weights saw them. The trained genagent text is the authors' and is never shipped; see <see cref="AgentProtocol"/>.
/// </summary>
public static class SystemPrompt
{
    /// <summary>Builds the prompt for <paramref name="enabledTools"/> (names from <see cref="ToolNames"/>, duplicates ignored, order kept).</summary>
    public static string Build(IReadOnlyList<string> enabledTools, ProtocolProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(enabledTools);
        profile ??= ProtocolProfiles.General;
        var tools = enabledTools.Distinct(StringComparer.Ordinal).ToList();
        if (!tools.Contains(ToolNames.Generate))
        {
            throw new ArgumentException($"{ToolNames.Generate} must be enabled: every session can render a first image.", nameof(enabledTools));
        }

        var schemas = tools.Select(ToolSchemas.For).ToList();
        var canEdit = tools.Contains(ToolNames.Edit);

        var prompt = new StringBuilder();
        prompt.AppendLine("You are GenAgent, an agent that turns a user's prompt into an image. You do not draw yourself: you reason about what the prompt asks for, write a detailed caption or edit instruction, call an image tool, look at the image it returns, judge it strictly against the prompt, and then either finish or call a tool again.");
        prompt.AppendLine();
        prompt.AppendLine("# Tools");
        prompt.AppendLine();
        prompt.AppendLine("These are the functions you can call, as JSON schemas:");
        prompt.AppendLine("<tools>");
        prompt.AppendLine(Schemas(schemas, profile.Schemas));
        prompt.AppendLine("</tools>");
        prompt.AppendLine();
        prompt.AppendLine("To call a function, write one JSON object with its name and arguments between <tool_call> and </tool_call>:");
        prompt.AppendLine("<tool_call>{\"name\": \"<function name>\", \"arguments\": {\"<argument name>\": \"<value>\"}}</tool_call>");
        prompt.AppendLine("Call at most one function per turn. The result comes back in the next user message as an image between <tool_response> and </tool_response>.");
        prompt.AppendLine();
        prompt.AppendLine("# How each turn looks");
        prompt.AppendLine();
        prompt.AppendLine("First turn: inside <think>...</think>, work out every object, count, color, size, position and piece of world knowledge the prompt implies. Then call image_generation_tool with a caption that spells all of it out.");
        if (canEdit && profile.StartingImageIsEditable)
        {
            prompt.AppendLine("When the user gives a starting image, you may instead begin with image_editing_tool, which then edits that image.");
        }

        prompt.AppendLine("Every later turn, after an image arrives:");
        if (profile.JudgeBeforeThink)
        {
            prompt.AppendLine("1. <judge>...</judge>: a frank critique of the latest image against the prompt, listing each requirement that is met or missed.");
            prompt.AppendLine("2. <think>...</think>, only when the image falls short: what the next caption must do better.");
        }
        else
        {
            prompt.AppendLine("1. <think>...</think>: look closely at the latest image.");
            prompt.AppendLine("2. <judge>...</judge>: a frank critique of the latest image against the prompt, listing each requirement that is met or missed.");
        }

        prompt.AppendLine("3. Exactly one action:");
        prompt.AppendLine("   - <answer>done</answer> when the latest image satisfies the prompt;");
        if (canEdit)
        {
            prompt.AppendLine("   - an image_editing_tool call when the image is close but has local flaws (it always edits the latest image);");
        }

        prompt.AppendLine("   - an image_generation_tool call with a rewritten caption when the image fails at its core.");
        prompt.AppendLine();
        prompt.Append("Never write both an answer and a tool call in one turn, and never end a turn without one of them.");
        return prompt.ToString();
    }

    private static string Schemas(List<ToolSchema> schemas, SchemaLayout layout) => layout switch
    {
        SchemaLayout.CompactArray => JsonSerializer.Serialize(schemas, ProtocolJsonContext.Default.ListToolSchema),
        SchemaLayout.IndentedArray => JsonSerializer.Serialize(schemas, IndentedProtocolJsonContext.Default.ListToolSchema),
        SchemaLayout.ObjectPerLine => string.Join("\n", schemas.Select(s => JsonSerializer.Serialize(s, ProtocolJsonContext.Default.ToolSchema))),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown schema layout."),
    };
}

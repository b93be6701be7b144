namespace GenAgent.Core.Protocol;

/// <summary>The tool and argument names the released GenAgent weights were trained on; they must not change.</summary>
public static class ToolNames
{
    public const string Generate = "image_generation_tool";
    public const string Edit = "image_editing_tool";
    public const string CaptionArgument = "caption";
    public const string InstructionArgument = "instruction";

    public static IReadOnlyList<string> All { get; } = [Generate, Edit];

    public static bool IsKnown(string name) => name is Generate or Edit;
}

namespace GenAgent.Core.Protocol;

/// <summary>A parsed tool call: <see cref="Argument"/> is the caption for generation or the instruction for editing.</summary>
public sealed record ToolCall(string Name, string Argument)
{
    public bool IsEdit => Name == ToolNames.Edit;
}

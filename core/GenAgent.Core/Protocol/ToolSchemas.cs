using GenAgent.Core.Protocol.Wire;

namespace GenAgent.Core.Protocol;

/// <summary>The function schemas of the two tools; names and argument names are fixed by the weights, descriptions are ours.</summary>
internal static class ToolSchemas
{
    public static ToolSchema For(string tool) => tool switch
    {
        ToolNames.Generate => Function(
            ToolNames.Generate,
            "Renders a brand-new image from a detailed caption. Use it for the first image, and again when the latest image is wrong at its core (missing or extra objects, wrong layout, wrong scene).",
            ToolNames.CaptionArgument,
            "A complete, self-contained description of the image to render: every subject with its exact count, colors, sizes, positions relative to each other, background, style and lighting."),
        ToolNames.Edit => Function(
            ToolNames.Edit,
            "Edits the most recent image and keeps everything the instruction does not mention. Use it when the latest image is mostly right but has local flaws.",
            ToolNames.InstructionArgument,
            "One precise change to make to the latest image, naming the object and what to add, remove, recolor, move or resize."),
        _ => throw new ArgumentException($"Unknown tool \"{tool}\"; known tools are {string.Join(", ", ToolNames.All)}.", nameof(tool)),
    };

    private static ToolSchema Function(string name, string description, string argument, string argumentDescription) =>
        new("function", new FunctionSchema(
            name,
            description,
            new ParametersSchema(
                "object",
                new Dictionary<string, PropertySchema> { [argument] = new("string", argumentDescription) },
                [argument])));
}

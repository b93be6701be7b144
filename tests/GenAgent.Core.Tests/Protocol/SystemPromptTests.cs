using System.Text.Json;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Tests.Protocol;

public sealed class SystemPromptTests
{
    public static TheoryData<string[]> ToolSets => new()
    {
        new[] { ToolNames.Generate },
        new[] { ToolNames.Generate, ToolNames.Edit },
    };

    [Theory]
    [MemberData(nameof(ToolSets))]
    public void Tools_block_is_a_json_array_of_exactly_the_enabled_function_schemas(string[] enabled)
    {
        using var tools = ToolsJson(SystemPrompt.Build(enabled));

        var functions = tools.RootElement.EnumerateArray().ToList();
        Assert.Equal(enabled, functions.Select(f => f.GetProperty("function").GetProperty("name").GetString()));
        foreach (var tool in functions)
        {
            Assert.Equal("function", tool.GetProperty("type").GetString());
            var function = tool.GetProperty("function");
            var argument = function.GetProperty("name").GetString() == ToolNames.Edit ? ToolNames.InstructionArgument : ToolNames.CaptionArgument;
            var parameters = function.GetProperty("parameters");
            Assert.False(string.IsNullOrWhiteSpace(function.GetProperty("description").GetString()));
            Assert.Equal("object", parameters.GetProperty("type").GetString());
            Assert.Equal([argument], parameters.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
            var property = Assert.Single(parameters.GetProperty("properties").EnumerateObject());
            Assert.Equal(argument, property.Name);
            Assert.Equal("string", property.Value.GetProperty("type").GetString());
        }
    }

    [Fact]
    public void Prompt_explains_the_call_format_and_the_later_turns()
    {
        var prompt = SystemPrompt.Build(ToolNames.All);

        Assert.Contains("<tool_call>{\"name\": ", prompt, StringComparison.Ordinal);
        Assert.Contains("</tool_call>", prompt, StringComparison.Ordinal);
        Assert.Contains("<think>", prompt, StringComparison.Ordinal);
        Assert.Contains("<judge>", prompt, StringComparison.Ordinal);
        Assert.Contains("<answer>done</answer>", prompt, StringComparison.Ordinal);
        Assert.Contains("<tool_response>", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Prompt_without_the_editor_never_mentions_it()
    {
        var prompt = SystemPrompt.Build([ToolNames.Generate]);

        Assert.DoesNotContain(ToolNames.Edit, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_tools_are_listed_once()
    {
        using var tools = ToolsJson(SystemPrompt.Build([ToolNames.Generate, ToolNames.Generate]));

        Assert.Equal(1, tools.RootElement.GetArrayLength());
    }

    [Fact]
    public void Unknown_or_no_tools_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => SystemPrompt.Build(["image_upscale_tool"]));
        Assert.Throws<ArgumentException>(() => SystemPrompt.Build([]));
    }

    private static JsonDocument ToolsJson(string prompt)
    {
        var start = prompt.IndexOf("<tools>", StringComparison.Ordinal);
        var end = prompt.IndexOf("</tools>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The prompt has no <tools> block.");
        return JsonDocument.Parse(prompt[(start + "<tools>".Length)..end]);
    }
}

using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;

namespace GenAgent.Core.Tests.Protocol.Profiles;

public sealed class ReferencePromptTests
{
    [Fact]
    public void Extracts_a_triple_quoted_literal_with_python_escapes()
    {
        const string source = "import os\nSYSTEM_PROMPT = '''Line one\\tTab\nIt\\'s \\\"quoted\\\"\\\njoined\n<tools>\n{\"name\": \"image_generation_tool\"}\n</tools>\n'''\nOTHER = 1\n";
        var (text, profile) = ReferencePrompt.Extract(source);
        Assert.Equal("Line one\tTab\nIt's \"quoted\"joined\n<tools>\n{\"name\": \"image_generation_tool\"}\n</tools>\n", text);
        Assert.Same(ProtocolProfiles.GenAgentV1, profile);
    }

    [Fact]
    public void A_raw_double_quoted_literal_keeps_its_backslashes_and_two_tools_mean_v2()
    {
        const string source = "SYSTEM_PROMPT = r\"\"\"a\\nb <tools>\"image_generation_tool\" \"image_editing_tool\"</tools>\"\"\"";
        var (text, profile) = ReferencePrompt.Extract(source);
        Assert.Equal("a\\nb <tools>\"image_generation_tool\" \"image_editing_tool\"</tools>", text);
        Assert.Same(ProtocolProfiles.GenAgentV2, profile);
        Assert.Equal(ToolNames.All, ReferencePrompt.DeclaredTools(text));
    }

    [Fact]
    public void Tools_named_outside_the_tools_block_do_not_count()
    {
        Assert.Empty(ReferencePrompt.DeclaredTools("call \"image_generation_tool\" please"));
        Assert.Throws<FormatException>(() => ReferencePrompt.Extract("SYSTEM_PROMPT = '''call \"image_generation_tool\"'''"));
    }

    [Fact]
    public void An_imported_prompt_is_used_only_for_the_tools_it_declares()
    {
        const string trained = "T <tools>\"image_generation_tool\" \"image_editing_tool\"</tools>";
        var protocol = new AgentProtocol(ProtocolProfiles.GenAgentV2, trained, "/x/genagent-v2.txt");
        // Only the file's name is recorded: a full path could show a home directory in a shared trajectory.
        Assert.Equal((trained, "imported genagent-v2.txt"), protocol.SystemPromptFor(ToolNames.All));
        var (text, source) = protocol.SystemPromptFor([ToolNames.Generate]);
        Assert.Equal(AgentProtocol.BuiltInSource, source);
        Assert.DoesNotContain(ToolNames.Edit, text, StringComparison.Ordinal);
        Assert.Null(protocol.Warning);
        Assert.Contains("genagent protocol import", new AgentProtocol(ProtocolProfiles.GenAgentV2).Warning, StringComparison.Ordinal);
        Assert.Null(AgentProtocol.General.Warning);
    }

    [Fact]
    public void Our_prompt_lays_the_schemas_out_per_profile_and_never_offers_an_unknown_first_turn()
    {
        var v1 = SystemPrompt.Build([ToolNames.Generate], ProtocolProfiles.GenAgentV1);
        Assert.Contains("<tools>\n{\"type\":\"function\"", v1.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(v1.IndexOf("<judge>", StringComparison.Ordinal) < v1.IndexOf("<think>...</think>, only", StringComparison.Ordinal));
        var general = SystemPrompt.Build(ToolNames.All);
        Assert.Contains("may instead begin with image_editing_tool", general, StringComparison.Ordinal);
        Assert.DoesNotContain("may instead begin", SystemPrompt.Build(ToolNames.All, ProtocolProfiles.GenAgentV2), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SystemPrompt.Build([ToolNames.Edit]));
    }
}

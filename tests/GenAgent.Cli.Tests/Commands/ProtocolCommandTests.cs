namespace GenAgent.Cli.Tests.Commands;

public class ProtocolCommandTests
{
    // Written for this test in the shape of the authors' client; none of their words.
    private const string V2Client = """"
        """stand-in"""
        SYSTEM_PROMPT = '''Test prompt, two tools.
        <tools>
        [{"type": "function", "function": {"name": "image_generation_tool"}}, {"type": "function", "function": {"name": "image_editing_tool"}}]
        </tools>
        It\'s done when it\'s done.
        '''
        """";

    private const string V1Client = """
        SYSTEM_PROMPT = '''One tool.
        <tools>
        {"type":"function","function":{"name":"image_generation_tool"}}
        </tools>
        '''
        """;

    [Fact]
    public async Task Import_saves_the_literal_under_the_user_configuration_folder_and_show_finds_it()
    {
        using var cli = new CliProcess();
        var client = Path.Combine(cli.WorkDir, "genagent_v2.py");
        await File.WriteAllTextAsync(client, V2Client);
        var env = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = Path.Combine(cli.WorkDir, "config") };

        var imported = await cli.RunAsync(["protocol", "import", client], env);

        Assert.True(imported.ExitCode == 0, imported.ToString());
        var saved = Path.Combine(cli.WorkDir, "config", "genagent", "protocols", "genagent-v2.txt");
        Assert.Equal(
            "Test prompt, two tools.\n<tools>\n[{\"type\": \"function\", \"function\": {\"name\": \"image_generation_tool\"}}, {\"type\": \"function\", \"function\": {\"name\": \"image_editing_tool\"}}]\n</tools>\nIt's done when it's done.\n",
            await File.ReadAllTextAsync(saved));
        Assert.Contains("genagent-v2", imported.Stdout, StringComparison.Ordinal);

        var shown = await cli.RunAsync(["protocol", "show", "--profile", "vllm-genagent"], env);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains($"protocol genagent-v2, system prompt imported genagent-v2.txt ({saved})", shown.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", shown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_genagent_profile_without_an_import_warns_once_naming_the_command()
    {
        using var cli = new CliProcess();
        var env = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = Path.Combine(cli.WorkDir, "empty-config") };

        var shown = await cli.RunAsync(["protocol", "show", "--profile", "vllm-genagent-v1"], env);

        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("protocol genagent-v1, system prompt built-in", shown.Stdout, StringComparison.Ordinal);
        var warning = Assert.Single(shown.StderrLines);
        Assert.Contains("genagent protocol import", warning, StringComparison.Ordinal);
        Assert.Contains("genagent_v1.py", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_is_told_by_the_declared_tools_and_a_mismatch_is_refused()
    {
        using var cli = new CliProcess();
        var client = Path.Combine(cli.WorkDir, "genagent_v1.py");
        await File.WriteAllTextAsync(client, V1Client);
        var folder = Path.Combine(cli.WorkDir, "prompts");

        var wrong = await cli.RunAsync("protocol", "import", client, "--protocol", "genagent-v2", "--folder", folder);
        Assert.True(wrong.ExitCode == 2, wrong.ToString());
        Assert.Contains("which is genagent-v1, not genagent-v2", Assert.Single(wrong.StderrLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));

        var right = await cli.RunAsync("protocol", "import", client, "--folder", folder);
        Assert.True(right.ExitCode == 0, right.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "genagent-v1.txt")));
    }

    [Theory]
    [InlineData(null, "cannot read")]
    [InlineData("PROMPT = 'no system prompt here'\n", "no SYSTEM_PROMPT")]
    [InlineData("SYSTEM_PROMPT = '''never closed\n", "never closed")]
    [InlineData("SYSTEM_PROMPT = '''no tools at all'''\n", "declares no image_generation_tool")]
    public async Task A_missing_or_unparseable_file_gives_one_line_and_exit_2(string? content, string message)
    {
        using var cli = new CliProcess();
        var client = Path.Combine(cli.WorkDir, "client.py");
        if (content is not null) await File.WriteAllTextAsync(client, content);

        var result = await cli.RunAsync("protocol", "import", client, "--folder", Path.Combine(cli.WorkDir, "prompts"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}

using System.CommandLine;
using System.Text;
using GenAgent.Core.Protocol.Profiles;

namespace GenAgent.Cli.Commands;

/// <summary>
/// <c>genagent protocol import &lt;genagent_v2.py&gt;</c>: reads the system prompt out of the user's copy of the authors'
/// reference client and saves it where the genagent profiles find it. The project never ships that text itself.
/// <c>genagent protocol show</c> says which profile and prompt a configuration would use.
/// </summary>
internal static class ProtocolCommand
{
    public static Command Create() => new("protocol", "The agent protocol profiles: import the trained system prompt, show what is in use.")
    {
        Import(),
        Show(),
    };

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "The authors' core/genagent_v2.py or core/genagent_v1.py (repository deep-kaixun/geagent)." };
        var protocol = new Option<string?>("--protocol") { Description = $"Which profile the prompt is for ({ProtocolProfiles.GenAgentV2Name} or {ProtocolProfiles.GenAgentV1Name}); default: told by the tools it declares." };
        var folder = new Option<string?>("--folder") { Description = $"Where to save it; default {ReferencePrompt.DefaultFolder}." };
        var command = new Command("import", "Save the reference client's system prompt for the genagent profiles.") { file, protocol, folder };
        command.SetAction(parse => ImportPrompt(parse.GetValue(file)!, parse.GetValue(protocol), parse.GetValue(folder)));
        return command;
    }

    private static Command Show()
    {
        var profile = CommonOptions.Profile();
        var command = new Command("show", "Print the protocol profile and the system prompt source the configuration selects.") { profile };
        command.SetAction(parse =>
        {
            var (name, options) = Hosting.CliConfiguration.Resolve(Hosting.CliConfiguration.Build(), parse.GetValue(profile));
            var agent = AgentProtocol.Load(options.Agent);
            var (_, source) = agent.SystemPromptFor(options.SessionDefaults().Tools);
            var path = agent.PromptFile is { } file && source != AgentProtocol.BuiltInSource ? $" ({file})" : "";
            Console.WriteLine($"profile {name}: protocol {agent.Profile.Name}, system prompt {source}{path}");
            if (agent.Warning is { } warning) Console.Error.WriteLine($"genagent: {warning}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int ImportPrompt(string path, string? protocolName, string? folder)
    {
        ProtocolProfile? expected = null;
        if (protocolName is not null)
        {
            expected = ProtocolProfiles.Find(protocolName);
            if (expected is not { TrainedOnReferencePrompt: true })
                throw new CliException($"--protocol '{protocolName}' has no trained prompt to import; use {ProtocolProfiles.GenAgentV2Name} or {ProtocolProfiles.GenAgentV1Name}.");
        }

        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read {path}: {failure.Message} Pass the path of the authors' genagent_v2.py or genagent_v1.py.");
        }

        string text;
        ProtocolProfile profile;
        try
        {
            (text, profile) = ReferencePrompt.Extract(source, expected);
        }
        catch (FormatException bad)
        {
            throw new CliException($"{path}: {bad.Message}");
        }

        var target = ReferencePrompt.PathFor(profile, folder);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Byte for byte what the weights saw: UTF-8 without a byte-order mark, line ends untouched.
        File.WriteAllText(target, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Console.WriteLine($"imported the {profile.Name} system prompt ({text.Length} characters, tools {string.Join(", ", ReferencePrompt.DeclaredTools(text))}) to {target}");
        return ExitCodes.Ok;
    }
}

using GenAgent.Core.Configuration;

namespace GenAgent.Core.Protocol.Profiles;

/// <summary>
/// The host's agent protocol: the profile named by <c>GenAgent:Agent:Protocol</c> and the system prompt text, which is
/// the file in <c>GenAgent:Agent:SystemPromptFile</c>, else the prompt imported with <c>genagent protocol import</c>, else
/// our own wording (<see cref="SystemPrompt"/>). Reading the file happens here, once, outside any orchestration.
/// </summary>
public sealed class AgentProtocol
{
    public const string BuiltInSource = "built-in";

    public AgentProtocol(ProtocolProfile profile, string? promptText = null, string? promptFile = null, bool explicitFile = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        PromptText = promptText;
        PromptFile = promptFile;
        ExplicitFile = explicitFile;
    }

    public static AgentProtocol General { get; } = new(ProtocolProfiles.General);

    public ProtocolProfile Profile { get; }

    /// <summary>The loaded prompt text, or null for our own wording.</summary>
    public string? PromptText { get; }

    public string? PromptFile { get; }

    /// <summary>True when the text came from <c>GenAgent:Agent:SystemPromptFile</c>: it is used whatever the tools.</summary>
    public bool ExplicitFile { get; }

    /// <summary>
    /// How the prompt's origin is recorded in trajectories and reports: the file's name only, since a full path can show
    /// a home directory to whoever reads the session.
    /// </summary>
    private string SourceName => $"{(ExplicitFile ? "file" : "imported")} {Path.GetFileName(PromptFile) ?? "prompt"}";

    /// <summary>
    /// One line for the operator when a genagent profile runs on our wording because nothing was imported; null otherwise.
    /// </summary>
    public string? Warning => Profile.TrainedOnReferencePrompt && PromptText is null
        ? $"agent protocol {Profile.Name}: no trained system prompt is imported, so sessions use GenAgent's own wording; " +
          $"run `genagent protocol import <path to the authors' {(Profile == ProtocolProfiles.GenAgentV1 ? "genagent_v1.py" : "genagent_v2.py")}>` " +
          "or set GenAgent:Agent:SystemPromptFile."
        : null;

    /// <summary>
    /// The system prompt for a session offering <paramref name="tools"/>, and where it came from. An imported trained
    /// prompt is used only when the session offers exactly the tools it declares: it must not promise a missing tool.
    /// </summary>
    public (string Text, string Source) SystemPromptFor(IReadOnlyList<string> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        if (PromptText is { } text && (ExplicitFile || SameTools(tools, ReferencePrompt.DeclaredTools(text))))
            return (text, SourceName);
        return (SystemPrompt.Build(tools, Profile), BuiltInSource);
    }

    /// <summary>Resolves the protocol from <paramref name="options"/>; <paramref name="importFolder"/> overrides the user folder (tests).</summary>
    public static AgentProtocol Load(AgentOptions options, string? importFolder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = ProtocolProfiles.Get(options.Protocol);
        if (!string.IsNullOrWhiteSpace(options.SystemPromptFile))
        {
            var path = Path.GetFullPath(options.SystemPromptFile);
            if (!File.Exists(path))
                throw new InvalidOperationException($"GenAgent:Agent:SystemPromptFile '{path}' does not exist.");
            return new AgentProtocol(profile, File.ReadAllText(path), path, explicitFile: true);
        }

        if (!profile.TrainedOnReferencePrompt) return new AgentProtocol(profile);
        var imported = ReferencePrompt.PathFor(profile, importFolder);
        return File.Exists(imported) ? new AgentProtocol(profile, File.ReadAllText(imported), imported) : new AgentProtocol(profile);
    }

    private static bool SameTools(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).SequenceEqual(b.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}

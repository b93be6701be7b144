using System.ComponentModel.DataAnnotations;

namespace GenAgent.Core.Configuration;

/// <summary>
/// Bound from the <c>GenAgent</c> configuration section after the selected profile
/// (<c>GenAgent:Profiles:&lt;name&gt;</c>) is laid over it; see <see cref="ProfileConfiguration"/>.
/// </summary>
public sealed class GenAgentOptions
{
    public const string SectionName = "GenAgent";

    [Required]
    public AgentOptions Agent { get; set; } = new();

    [Required]
    public ToolOptions Generator { get; set; } = new();

    /// <summary>The editing tool; when its backend is empty, editing is disabled.</summary>
    [Required]
    public ToolOptions Editor { get; set; } = new();

    [Required]
    public StoreOptions Store { get; set; } = new();

    /// <summary>The tools this configuration's backends provide: without an editor backend, generation only.</summary>
    public IReadOnlyList<string> AvailableTools() =>
        string.IsNullOrWhiteSpace(Editor.Backend) ? [Protocol.ToolNames.Generate] : Protocol.ToolNames.All;

    /// <summary>
    /// What a session's omitted options default to: the agent protocol's budgets and image size, offering the tools that
    /// both the backends and the protocol have. The one place every front door takes its defaults from.
    /// </summary>
    public Sessions.SessionOptions SessionDefaults() =>
        (Protocol.Profiles.ProtocolProfiles.Find(Agent.Protocol) ?? Protocol.Profiles.ProtocolProfiles.General).Defaults(AvailableTools());

    /// <summary>A separate model for judging (effort high's comparison, the <c>geneval-vlm</c> judge); without a base URL the agent compares.</summary>
    [Required]
    public JudgeOptions Judge { get; set; } = new();
}

/// <summary>
/// An OpenAI-compatible chat endpoint that judges images, asked at temperature 0 without the tool-call stop sequence.
/// The released GenAgent weights were never trained to compare two images; a general VLM here does that part.
/// </summary>
public sealed class JudgeOptions
{
    public string? BaseUrl { get; set; }

    /// <summary>Never put this in a committed file: use user-secrets or the environment.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The served model name; when empty, the first model the endpoint lists.</summary>
    public string? Model { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 120;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);

    internal AgentOptions AsAgent() => new()
    {
        Backend = BackendNames.OpenAI,
        BaseUrl = BaseUrl,
        ApiKey = ApiKey,
        Model = Model,
        Temperature = 0,
        StopAtToolCallEnd = false,
        TimeoutSeconds = TimeoutSeconds,
    };
}

/// <summary>The chat model that plays the agent.</summary>
public sealed class AgentOptions
{
    /// <summary><c>openai</c> (any OpenAI-compatible chat completions endpoint) or <c>sketch</c> (offline).</summary>
    [Required]
    public string Backend { get; set; } = BackendNames.Sketch;

    /// <summary>
    /// How the model is driven: <c>general</c> (any VLM, our prompt), <c>genagent-v2</c> or <c>genagent-v1</c> (the released
    /// weights, driven as the authors' client drives them). See <see cref="global::GenAgent.Core.Protocol.Profiles.ProtocolProfiles"/>.
    /// </summary>
    public string Protocol { get; set; } = global::GenAgent.Core.Protocol.Profiles.ProtocolProfiles.GeneralName;

    /// <summary>A text file whose content is the system prompt, verbatim; unset: the imported trained prompt, else our own.</summary>
    public string? SystemPromptFile { get; set; }

    /// <summary>Base URL including the version path, e.g. <c>http://localhost:18901/v1</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Never put this in a committed file: use user-secrets or the environment.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The served model name; when empty, the first model the endpoint lists at <c>GET /models</c>.</summary>
    public string? Model { get; set; }

    [Range(0.0, 2.0)]
    public float Temperature { get; set; }

    /// <summary>A cap on each reply's tokens; unset (the default) sends none, as the reference client does, so a long think is never cut.</summary>
    [Range(16, 131072)]
    public int? MaxOutputTokens { get; set; }

    /// <summary>
    /// Send <c>stop: ["&lt;/tool_call&gt;"]</c> like the reference client (vLLM serving the GenAgent weights).
    /// General VLMs can leave it on too; the parser restores the closing tag either way.
    /// </summary>
    public bool StopAtToolCallEnd { get; set; } = true;

    /// <summary>
    /// Ask the server for each reply's token log-probabilities (and, from vLLM, token ids) and record them in the
    /// trajectory, for GRPO rollouts; off by default, as they make trajectories larger.
    /// </summary>
    public bool Logprobs { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 120;
}

/// <summary>A generation or editing tool backend.</summary>
public sealed class ToolOptions
{
    /// <summary><c>openai-images</c>, <c>genagent-server</c>, <c>a1111</c>, <c>comfyui</c>, <c>sketch</c>, or empty (disabled; editor only).</summary>
    public string Backend { get; set; } = BackendNames.Sketch;

    /// <summary>For openai-images the base URL with version (<c>https://api.openai.com/v1</c>); for genagent-server, a1111 and comfyui the server root.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>A bearer key; for a1111 the <c>user:password</c> of the WebUI's <c>--api-auth</c> (sent as basic authentication).</summary>
    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    /// <summary>Backend-specific extras: inference steps and guidance for genagent-server and a1111 (cfg_scale), quality for openai-images.</summary>
    public int? Steps { get; set; }

    public double? Guidance { get; set; }

    public string? Quality { get; set; }

    /// <summary>What every image should not show, for backends that take a negative prompt (a1111, comfyui).</summary>
    public string? NegativePrompt { get; set; }

    /// <summary>For comfyui: the workflow in ComfyUI's API format (a "Save (API)" file); empty for the built-in one on <see cref="Model"/> as the checkpoint.</summary>
    public string? Workflow { get; set; }

    /// <summary>For a1111 and comfyui edits: how far the result may move from the source image, 0 to 1 (default 0.6).</summary>
    [Range(0.0, 1.0)]
    public double? DenoisingStrength { get; set; }

    /// <summary>What one call costs in US dollars, recorded in the trajectory.</summary>
    public decimal? CostPerImage { get; set; }

    [Range(1, 1800)]
    public int TimeoutSeconds { get; set; } = 300;
}

/// <summary>Where images and trajectories are stored.</summary>
public sealed class StoreOptions
{
    /// <summary><c>local</c> (a folder) or <c>blob</c> (Azure Blob Storage).</summary>
    public string Kind { get; set; } = "local";

    /// <summary>The folder for <c>local</c>.</summary>
    public string Path { get; set; } = ".genagent/store";

    /// <summary>For <c>blob</c>: a connection string (<c>UseDevelopmentStorage=true</c> for Azurite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>For <c>blob</c> without keys: the account's blob endpoint (https://acct.blob.core.windows.net/), reached with Entra ID.</summary>
    public string? ServiceUri { get; set; }

    /// <summary>With <see cref="ServiceUri"/>: the client id of the user-assigned managed identity; empty for the developer's sign-in.</summary>
    public string? ClientId { get; set; }

    public string Container { get; set; } = "genagent";
}

public static class BackendNames
{
    public const string Sketch = "sketch";
    public const string OpenAI = "openai";
    public const string OpenAIImages = "openai-images";
    public const string GenAgentServer = "genagent-server";
    public const string A1111 = "a1111";
    public const string ComfyUI = "comfyui";
}

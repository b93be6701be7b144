using System.ComponentModel.DataAnnotations;
using GenAgent.Core.Configuration;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Starting;

namespace GenAgent.Api;

/// <summary>Limits and access of the session HTTP API, bound from <c>GenAgent:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "GenAgent:Api";

    /// <summary>
    /// When set, every call must send it as <c>x-api-key</c> or <c>Authorization: Bearer</c>. Leave it empty only on a
    /// loopback address or behind a gateway that authenticates (Azure function keys, Entra ID).
    /// </summary>
    public string? ApiKey { get; set; }

    [Range(1, 100_000)]
    public int MaxPromptLength { get; set; } = GenAgent.Core.Sessions.SessionLimits.DefaultMaxPromptLength;

    /// <summary>The largest input image accepted, in decoded bytes.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Lets <c>image.url</c> be an http(s) URL that the server downloads. Off by default: a server that fetches any URL a
    /// caller names can be steered at internal addresses (cloud metadata endpoints, private services): SSRF.
    /// </summary>
    public bool AllowImageUrlFetch { get; set; }

    /// <summary>
    /// The tools this server's backends provide: a request's default, and the most it may ask for. Without an editor
    /// backend the host leaves the editing tool out, so the model is never offered a tool that cannot run.
    /// </summary>
    public IReadOnlyList<string> AvailableTools { get; set; } = ToolNames.All;

    /// <summary>
    /// What a request's omitted options default to: the protocol profile's budgets and image size (v1: 2 images at 512 px).
    /// Set by <see cref="UseBackends"/>, not bound from configuration.
    /// </summary>
    public SessionOptions SessionDefaults { get; set; } = new();

    /// <summary>
    /// The rule every front door of this server checks a start by (this API, Discord, the triggers, the CLI): the prompt
    /// limit above, <see cref="SessionDefaults"/> for omitted options, at most <see cref="AvailableTools"/>.
    /// </summary>
    public StartRules Rules => new(SessionDefaults with { Tools = AvailableTools }, MaxPromptLength, NegativePrompts);

    /// <summary>The generator takes a negative prompt; set by <see cref="UseBackends"/>.</summary>
    public bool NegativePrompts { get; set; }

    /// <summary>
    /// Fits the API to the host's backends and agent protocol: without an editor backend the model is never offered the
    /// editing tool, and omitted options take the profile's defaults. The one place every host applies that rule.
    /// </summary>
    public ApiOptions UseBackends(GenAgentOptions core)
    {
        ArgumentNullException.ThrowIfNull(core);
        // The link key signs every report and image link; no error text may carry it.
        Core.Security.SecretRedactor.Register(ApiKey);
        SessionDefaults = core.SessionDefaults();
        AvailableTools = SessionDefaults.Tools;
        NegativePrompts = Core.Backends.BackendCapabilities.Find(core.Generator.Backend)?.NegativePrompt == true;
        return this;
    }
}

using System.ComponentModel.DataAnnotations;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Sessions;

/// <summary>Per-session options. Defaults follow the released v2 reference loop (3 images, 10 model turns).</summary>
public sealed record SessionOptions
{
    [Range(1, 16)]
    public int MaxImages { get; init; } = 3;

    [Range(1, 64)]
    public int MaxTurns { get; init; } = 10;

    /// <summary>Tool names from <see cref="ToolNames"/>; generation is always required.</summary>
    public IReadOnlyList<string> Tools { get; init; } = ToolNames.All;

    [Range(64, 4096)]
    public int Width { get; init; } = 1024;

    [Range(64, 4096)]
    public int Height { get; init; } = 1024;

    public SeedPolicy Seed { get; init; } = new();

    public Effort Effort { get; init; } = Effort.Medium;

    /// <summary>
    /// How many candidate episodes <see cref="Effort.High"/> runs side by side before a pairwise judge picks one.
    /// Each candidate gets the image and turn budgets above; the other efforts ignore this.
    /// </summary>
    [Range(MinCandidates, MaxCandidates)]
    public int Candidates { get; init; } = 3;

    /// <summary>
    /// The agent's sampling temperature for this session; null for the configured one (<c>GenAgent:Agent:Temperature</c>).
    /// Effort high sets it per candidate.
    /// </summary>
    [Range(0.0, 2.0)]
    public float? Temperature { get; init; }

    /// <summary>
    /// What the images should not show, for image backends that take a negative prompt (a1111, comfyui); it replaces
    /// the backend's configured one. Null keeps that.
    /// </summary>
    [MaxLength(MaxNegativePromptLength)]
    public string? NegativePrompt { get; init; }

    public const int MaxNegativePromptLength = 1_000;

    /// <summary>The agent's nucleus sampling (top-p) for this session; null sends none, so the server's default holds.</summary>
    [Range(0.0, 1.0)]
    public float? TopP { get; init; }

    /// <summary>
    /// The temperature candidates after the first sample at with effort high. The released weights run at temperature 0
    /// and the reference servers take no seed, so without it every candidate would repeat the first one.
    /// </summary>
    [Range(0.0, 2.0)]
    public float CandidateTemperature { get; init; } = 0.7f;

    public const int MinCandidates = 2;
    public const int MaxCandidates = 8;

    /// <summary>
    /// Whether an attempt that ends without an image is run again from the prompt (up to the protocol's attempts) and,
    /// failing that, one direct generation from the raw prompt gives the final image (<see cref="OutcomeKind.Fallback"/>).
    /// Null: the protocol's default (on for the genagent profiles, off for general).
    /// </summary>
    public bool? Fallback { get; init; }

    /// <summary>How many times the model is told what was wrong with its output before the session fails.</summary>
    [Range(0, 5)]
    public int MaxCorrections { get; init; } = 2;

    /// <summary>
    /// How long a session waits for a follow-up message after an episode ends, in seconds. 0 (the default) ends the
    /// session at once, which is what a caller that waits for completion (<c>genagent run</c>) needs.
    /// </summary>
    [Range(0, MaxFollowUpWindowSeconds)]
    public int FollowUpWindowSeconds { get; init; }

    /// <summary>Seven days: a conversation left open longer holds orchestration state for nothing.</summary>
    public const int MaxFollowUpWindowSeconds = 7 * 24 * 3600;

    /// <summary>
    /// The GPU-seconds (wall-clock seconds inside the image tools) the whole session may spend, follow-ups included;
    /// null for no limit. Once spent the session ends <see cref="OutcomeKind.CostBudgetReached"/> with its last image.
    /// </summary>
    [Range(0.001, double.MaxValue)]
    public double? MaxToolSeconds { get; init; }

    /// <summary>The agent-model tokens (input and output) the whole session may spend, follow-ups included; null for no limit.</summary>
    [Range(1, long.MaxValue)]
    public long? MaxTokens { get; init; }

    /// <summary>Checks the options and returns the problems, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxImages is < 1 or > 16) problems.Add("maxImages must be between 1 and 16.");
        if (MaxTurns is < 1 or > 64) problems.Add("maxTurns must be between 1 and 64.");
        if (Width is < 64 or > 4096) problems.Add("width must be between 64 and 4096.");
        if (Height is < 64 or > 4096) problems.Add("height must be between 64 and 4096.");
        if (Candidates is < MinCandidates or > MaxCandidates) problems.Add($"candidates must be between {MinCandidates} and {MaxCandidates}.");
        if (Temperature is < 0 or > 2 || Temperature is { } t && !float.IsFinite(t)) problems.Add("temperature must be between 0 and 2.");
        if (NegativePrompt?.Length > MaxNegativePromptLength) problems.Add($"negativePrompt must be at most {MaxNegativePromptLength} characters.");
        if (TopP is <= 0 or > 1 || TopP is { } p && !float.IsFinite(p)) problems.Add("topP must be above 0 and at most 1.");
        if (CandidateTemperature is < 0 or > 2 || !float.IsFinite(CandidateTemperature)) problems.Add("candidateTemperature must be between 0 and 2.");
        if (MaxCorrections is < 0 or > 5) problems.Add("maxCorrections must be between 0 and 5.");
        if (FollowUpWindowSeconds is < 0 or > MaxFollowUpWindowSeconds)
            problems.Add($"followUpWindowSeconds must be between 0 and {MaxFollowUpWindowSeconds}.");
        if (MaxToolSeconds is <= 0 || MaxToolSeconds is { } seconds && !double.IsFinite(seconds))
            problems.Add("maxToolSeconds must be a positive number of seconds.");
        if (MaxTokens is < 1) problems.Add("maxTokens must be at least 1.");
        if (Tools.Count == 0 || !Tools.Contains(ToolNames.Generate)) problems.Add($"tools must include {ToolNames.Generate}.");
        foreach (var tool in Tools.Where(t => !ToolNames.IsKnown(t)))
            problems.Add($"tools: unknown tool '{tool}' (known: {string.Join(", ", ToolNames.All)}).");
        return problems;
    }
}

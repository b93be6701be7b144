using System.Text.Json.Serialization;

namespace GenAgent.Workflow.Starting;

/// <summary>
/// The session options a front door may be asked for, in the one wire shape every door reads (the API body's
/// <c>options</c>, a cloud event's, queue message's or request file's <c>options</c>, the CLI's flags, Discord's choices):
/// anything absent keeps the server's default, an unknown name is an error. <see cref="StartRules"/> checks and applies it.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StartOptions
{
    public int? MaxImages { get; init; }

    public int? MaxTurns { get; init; }

    /// <summary>low, medium or high, by name (any case).</summary>
    public string? Effort { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>What the images should not show, for image backends that take a negative prompt.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>The base seed; each tool call derives its own from it.</summary>
    public long? Seed { get; init; }

    /// <summary>At most the tools this server has backends for.</summary>
    public IReadOnlyList<string>? Tools { get; init; }

    /// <summary>Candidate episodes with effort high.</summary>
    public int? Candidates { get; init; }

    /// <summary>How long the session stays open for a follow-up after an episode.</summary>
    public int? FollowUpWindowSeconds { get; init; }

    /// <summary>The temperature candidates after the first sample at with effort high.</summary>
    public float? CandidateTemperature { get; init; }

    /// <summary>The retry-then-direct-generation rule on or off (default: the protocol's).</summary>
    public bool? Fallback { get; init; }

    /// <summary>The GPU-seconds the session may spend in the image tools.</summary>
    public double? MaxToolSeconds { get; init; }

    /// <summary>The agent-model tokens the session may spend.</summary>
    public long? MaxTokens { get; init; }
}

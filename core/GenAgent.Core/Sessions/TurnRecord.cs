using GenAgent.Core.Images;

namespace GenAgent.Core.Sessions;

/// <summary>
/// One model turn and the tool call it made, if any. <see cref="Judgment"/> is the model's critique of
/// the previous image (absent on the first turn).
/// </summary>
public sealed record TurnRecord
{
    public required int Index { get; init; }
    public required TurnKind Kind { get; init; }
    /// <summary>The episode the turn belongs to: 1 for the first prompt, one more for each follow-up.</summary>
    public int Episode { get; init; } = 1;
    /// <summary>The trajectory attempt, 1-based: an attempt that ends without an image is run again from the prompt.</summary>
    public int Attempt { get; init; } = 1;
    public string? Think { get; init; }
    public string? Judgment { get; init; }
    public string? Tool { get; init; }
    /// <summary>The caption (generation) or instruction (editing).</summary>
    public string? Argument { get; init; }
    public long? Seed { get; init; }
    public ImageRef? Image { get; init; }
    /// <summary>The assistant text exactly as received.</summary>
    public string? RawText { get; init; }
    public string? Error { get; init; }
    public double ModelSeconds { get; init; }
    public double ToolSeconds { get; init; }
    public TokenUsage? Usage { get; init; }
    /// <summary>The reply's sampled tokens and log-probabilities, when the agent asks for them (<c>GenAgent:Agent:Logprobs</c>).</summary>
    public SampledTokens? Sampled { get; init; }
    public decimal? ToolCost { get; init; }
}

namespace GenAgent.Core.Judging;

/// <summary>A parsed pairwise judgment: the preferred image and the model's reasoning, when it gave any.</summary>
public sealed record ComparisonVerdict(ComparisonChoice Winner, string? Reasoning);

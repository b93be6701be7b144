using GenAgent.Core.Benchmarks;

namespace GenAgent.Core.Judging;

/// <summary>
/// What an image must show: the prompt, and the benchmark's structured checklist when there is one (GenEval), or the
/// benchmark's explanation of the world knowledge the prompt needs (WISE).
/// </summary>
public sealed record JudgeRequest(string Prompt, BenchmarkItem? Checklist = null, string? Explanation = null);

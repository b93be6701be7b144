using GenAgent.Core.Benchmarks;

namespace GenAgent.Core.Judging;

/// <summary>What an image must show: the prompt, and the benchmark's structured checklist when there is one.</summary>
public sealed record JudgeRequest(string Prompt, BenchmarkItem? Checklist = null);

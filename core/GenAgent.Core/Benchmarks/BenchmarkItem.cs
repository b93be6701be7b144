namespace GenAgent.Core.Benchmarks;

/// <summary>One benchmark prompt with the checklist its judge uses.</summary>
public sealed record BenchmarkItem(string Tag, string Prompt, IReadOnlyList<BenchmarkObject> Include, IReadOnlyList<BenchmarkObject> Exclude);

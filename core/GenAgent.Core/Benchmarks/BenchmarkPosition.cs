namespace GenAgent.Core.Benchmarks;

/// <summary>GenEval's <c>"position": ["right of", 0]</c>: this group lies <see cref="Relation"/> the include group at <see cref="ReferenceIndex"/>.</summary>
public sealed record BenchmarkPosition(string Relation, int ReferenceIndex);

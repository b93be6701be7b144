namespace GenAgent.Core.Benchmarks;

/// <summary>
/// One object group of a benchmark checklist. <see cref="Region"/> is left|right|above|below (the half of the
/// image every instance must sit in); <see cref="Size"/> is larger|smaller relative to the other sized group.
/// In an exclude list, <see cref="Count"/> is the count that must NOT be reached.
/// </summary>
public sealed record BenchmarkObject(string Class, int Count, string? Color = null, string? Region = null, string? Size = null, BenchmarkPosition? Position = null);

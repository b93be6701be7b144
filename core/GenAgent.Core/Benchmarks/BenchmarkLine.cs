using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Core.Benchmarks;

/// <summary>The wire shape of one JSONL line.</summary>
internal sealed record BenchmarkLine(
    [property: JsonPropertyName("tag")] string? Tag,
    [property: JsonPropertyName("prompt")] string? Prompt,
    [property: JsonPropertyName("include")] List<BenchmarkLineObject>? Include,
    [property: JsonPropertyName("exclude")] List<BenchmarkLineObject>? Exclude);

/// <summary>The wire shape of one checklist object; <c>position</c> mixes a string and a number, so it stays raw.</summary>
internal sealed record BenchmarkLineObject(
    [property: JsonPropertyName("class")] string? Class,
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("color")] string? Color,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("size")] string? Size,
    [property: JsonPropertyName("position")] List<JsonElement>? Position);

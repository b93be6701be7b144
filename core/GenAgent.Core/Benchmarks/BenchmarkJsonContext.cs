using System.Text.Json.Serialization;

namespace GenAgent.Core.Benchmarks;

[JsonSerializable(typeof(BenchmarkLine))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;

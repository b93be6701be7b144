using System.Text.Json.Serialization;

namespace GenAgent.Inference.TestModels;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class TestModelsJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace GenAgent.Core.Protocol.Wire;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<ToolSchema>))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace GenAgent.Core.Protocol.Wire;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<ToolSchema>))]
[JsonSerializable(typeof(ToolSchema))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

/// <summary>The same schemas, indented two spaces (the v2 layout).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<ToolSchema>))]
internal sealed partial class IndentedProtocolJsonContext : JsonSerializerContext;

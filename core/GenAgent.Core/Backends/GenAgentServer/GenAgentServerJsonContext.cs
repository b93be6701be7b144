using System.Text.Json.Serialization;

namespace GenAgent.Core.Backends.GenAgentServer;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServerGenerateRequest))]
[JsonSerializable(typeof(ServerEditRequest))]
[JsonSerializable(typeof(ServerReply))]
internal sealed partial class GenAgentServerJsonContext : JsonSerializerContext;

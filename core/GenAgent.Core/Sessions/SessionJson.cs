using System.Text.Json;
using System.Text.Json.Serialization;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Sessions;

/// <summary>The JSON shape of trajectories and requests: camelCase, enums as strings, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Trajectory))]
[JsonSerializable(typeof(SessionRequest))]
[JsonSerializable(typeof(SessionProgress))]
[JsonSerializable(typeof(ConversationMessage))]
[JsonSerializable(typeof(List<ConversationMessage>))]
public sealed partial class SessionJson : JsonSerializerContext;

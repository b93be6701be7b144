using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Api.Wire;

/// <summary>The API's wire shape: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateSessionBody))]
[JsonSerializable(typeof(FollowUpBody))]
[JsonSerializable(typeof(SessionCreated))]
[JsonSerializable(typeof(SessionStatusResponse))]
[JsonSerializable(typeof(RewardBody))]
[JsonSerializable(typeof(RolloutsBody))]
[JsonSerializable(typeof(GenAgent.Core.Training.Rewards.RewardBreakdown))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using GenAgent.Core.Training.Rewards;

namespace GenAgent.Api.Wire;

/// <summary>The body of <c>POST /api/rewards</c>: which ended session to score, and the weights when not the defaults.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RewardBody(string? SessionId, RewardWeights? Weights = null);

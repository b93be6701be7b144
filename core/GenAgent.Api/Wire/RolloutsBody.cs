using System.Text.Json.Serialization;
using GenAgent.Core.Training.Rewards;
using GenAgent.Workflow.Starting;

namespace GenAgent.Api.Wire;

/// <summary>
/// The body of <c>POST /api/rollouts</c>. <c>batch</c> names a batch to resume (the id the first line of an earlier
/// answer gave); <c>skip</c> lists prompt indexes whose groups the caller already has. Unknown fields are an error.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RolloutsBody(
    IReadOnlyList<string?>? Prompts,
    int Group = 12,
    int Keep = 8,
    int Seed = 0,
    float? Temperature = null,
    float? TopP = null,
    StartOptions? Options = null,
    int Concurrency = 8,
    string? Batch = null,
    IReadOnlyList<int>? Skip = null,
    RewardWeights? Weights = null);

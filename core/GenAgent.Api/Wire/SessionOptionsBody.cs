using System.Text.Json.Serialization;

namespace GenAgent.Api.Wire;

/// <summary>
/// Session options a caller may set; anything absent keeps the server's default. <see cref="Candidates"/> applies to
/// effort high, as does <see cref="CandidateTemperature"/> (what candidates after the first sample at);
/// <see cref="FollowUpWindowSeconds"/> keeps the session open for follow-up messages after an episode; <see cref="Fallback"/>
/// switches the retry-then-direct-generation rule on or off (default: the protocol's).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SessionOptionsBody(
    int? MaxImages = null,
    int? MaxTurns = null,
    string? Effort = null,
    int? Width = null,
    int? Height = null,
    long? Seed = null,
    IReadOnlyList<string>? Tools = null,
    int? Candidates = null,
    int? FollowUpWindowSeconds = null,
    float? CandidateTemperature = null,
    bool? Fallback = null);
